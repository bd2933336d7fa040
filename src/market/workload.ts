// The canonical workloads (src/workloads/*.json): schema, validation, and the typed form the runner uses.
import { z } from 'zod';
import { hestonSchema } from './heston.js';
import { parseWith } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';

const positiveInt = (what: string) =>
  z
    .number({ error: `must be a positive integer (${what})` })
    .int('must be a positive integer')
    .positive('must be a positive integer');
const positive = (what: string) =>
  z
    .number({ error: `must be a finite number (${what})` })
    .finite()
    .gt(0, 'must be > 0');
const nonNegative = (what: string) =>
  z
    .number({ error: `must be a finite number (${what})` })
    .finite()
    .min(0, 'must be >= 0');
/** Free-text fields of the canonical files: documentation, ignored by the runner. */
const doc = z.unknown().optional();

const common = {
  name: z.string().min(1),
  description: doc,
  paths: positiveInt('paths').max(4294967295, 'must be below 2^32 (path indices are 32-bit counters)'),
  steps: positiveInt('steps').max(1_000_000, 'must be at most 1e6'),
  horizonYears: positive('horizon in years'),
  heston: hestonSchema,
  scheme: z
    .string()
    .refine(
      (s) => s.startsWith('full-truncation-euler-log'),
      'must be "full-truncation-euler-log" (the scheme is chosen with --scheme)',
    ),
  schemeDefinition: doc,
  report: doc,
  oracle: doc,
  stepOrder: doc,
  /** The normals' precision: "f64" (default) or "f32" (see engine/model-params.ts); --precision overrides it. */
  precision: z.enum(['f64', 'f32'], { error: 'must be "f64" or "f32"' }).optional(),
};

const pathsWorkload = z.strictObject({
  ...common,
  payoff: z.strictObject({
    type: z.literal('european-call', { error: 'must be "european-call"' }),
    strike: positive('strike'),
    discountRate: z.number().finite().default(0),
  }),
});

const executionWorkload = z.strictObject({
  ...common,
  order: z.strictObject({
    side: z.literal('sell', { error: 'must be "sell"' }),
    shares: positive('shares'),
    schedule: z.string().refine((s) => s.startsWith('twap'), 'must be "twap" (other schedules: flowexec evaluate)'),
  }),
  market: z.strictObject({
    dailyVolume: positive('daily volume in shares'),
    volumeCurve: z.string().refine((s) => s.startsWith('flat'), 'must be "flat" (other curves: flowexec evaluate)'),
  }),
  impact: z.strictObject({
    temporary: z.strictObject({
      eta: nonNegative('temporary impact coefficient'),
      beta: z.number().finite().gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]'),
    }),
    permanent: z.strictObject({ gamma: nonNegative('permanent impact coefficient') }),
    transient: z.strictObject({
      amplitude: nonNegative('transient amplitude'),
      halfLifeSteps: positive('half-life in steps'),
    }),
  }),
});

export type PathsWorkload = z.infer<typeof pathsWorkload> & { kind: 'paths' };
export type ExecutionWorkload = z.infer<typeof executionWorkload> & { kind: 'execution' };
export type Workload = PathsWorkload | ExecutionWorkload;

/**
 * Validates a parsed workload file; throws InputError naming the first bad field (under `prefix` when the workload
 * sits inside a larger document, as in an API body).
 */
export function parseWorkload(input: unknown, prefix = ''): Workload {
  const where = prefix || 'workload';
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new InputError(`${where}: must be a JSON object`, prefix || undefined);
  const record = input as Record<string, unknown>;
  if ('payoff' in record) return { ...parseWith(pathsWorkload, input, prefix), kind: 'paths' };
  if ('order' in record) return { ...parseWith(executionWorkload, input, prefix), kind: 'execution' };
  throw new InputError(
    `${where}: must have either "payoff" (path generation) or "order" (execution)`,
    prefix || undefined,
  );
}
