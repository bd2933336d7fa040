// The zod schemas of every request the API validates (and of its responses, for /openapi.json).
import { z } from 'zod';
import { DEFAULT_SEED, evaluationConfigSchema } from '../eval/config.js';
import { JOB_STATUSES } from './job-store.js';
import { JOB_ID_PATTERN } from './job-id.js';
import { CANONICAL_WORKLOAD_NAMES } from '../workloads/names.js';

/** The canonical workloads every runtime serves (bundled as JSON modules on edge runtimes). */
export const WORKLOAD_NAMES = CANONICAL_WORKLOAD_NAMES;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

const int = (what: string) => z.number({ error: `must be an integer (${what})` }).int('must be an integer');
const seed = int('seed')
  .min(0, 'must be >= 0')
  .max(Number.MAX_SAFE_INTEGER, 'must be below 2^53')
  .default(DEFAULT_SEED);
const scheme = z.enum(['euler', 'qe'], { error: 'must be "euler" or "qe"' }).default('euler');

/** POST /v1/simulations with a workload: a canonical one by name, or a workload object of the same form. */
export const workloadSimulationSchema = z.strictObject({
  workload: z
    .union([z.enum(WORKLOAD_NAMES), z.looseObject({})], {
      error: `must be a workload name (${WORKLOAD_NAMES.join(', ')}) or a workload object`,
    })
    .describe('a canonical workload name, or a workload object in the form of src/workloads/*.json'),
  paths: int('paths').min(1, 'must be >= 1').max(4294967295, 'must be below 2^32').default(10_000),
  steps: int('steps')
    .min(1, 'must be >= 1')
    .max(1_000_000, 'must be at most 1e6')
    .optional()
    .describe("default: the workload's steps"),
  seed,
  scheme,
  precision: z
    .enum(['f64', 'f32'], { error: 'must be "f64" or "f32"' })
    .default('f64')
    .describe('the normals: f64 (default) or f32 (faster, about 1e-7 relative, |z| <= 5.768)'),
});
export type WorkloadSimulation = z.infer<typeof workloadSimulationSchema>;

export const BENCH_KERNELS = ['heston-terminal', 'static-execution', 'closed-loop'] as const;

/** POST /v1/bench: one kernel on the canonical market, timed. */
export const benchRequestSchema = z.strictObject({
  kernel: z
    .enum(BENCH_KERNELS, { error: `must be one of ${BENCH_KERNELS.join(', ')}` })
    .describe(
      'heston-terminal: Heston terminal values (heston-paths); static-execution: a TWAP rollout with impact (heston-execution); closed-loop: adaptive Almgren-Chriss in the engine',
    ),
  scheme,
  paths: int('paths').min(1000, 'must be >= 1000').max(10_000_000, 'must be <= 1e7').default(20_000),
  steps: int('steps')
    .min(1, 'must be >= 1')
    .max(100_000, 'must be <= 100000')
    .optional()
    .describe("default: the workload's steps"),
  repeats: int('repeats').min(1, 'must be in [1, 10]').max(10, 'must be in [1, 10]').default(3),
  seed,
});
export type BenchRequest = z.infer<typeof benchRequestSchema>;

/** POST /v1/shards: one shard (a range of 1000-path chunks) of an evaluation or a workload run, for a coordinator. */
export const shardRequestSchema = z.strictObject({
  evaluation: evaluationConfigSchema
    .optional()
    .describe("an evaluate config (evaluation.paths and seed are the whole run's); give this or simulation"),
  part: z
    .enum(['main', 'frontier'], { error: 'must be "main" or "frontier"' })
    .default('main')
    .describe('main: the strategies; frontier: the Almgren-Chriss frontier schedules of evaluation.frontier'),
  simulation: workloadSimulationSchema
    .optional()
    .describe("a workload run (paths is the whole run's); give this or evaluation"),
  firstChunk: int('firstChunk')
    .min(0, 'must be >= 0')
    .describe('first chunk of the shard (chunk k holds paths 1000k .. 1000k + 999)'),
  chunks: int('chunks').min(1, 'must be >= 1').max(1_000_000, 'must be <= 1e6').describe('chunks in the shard'),
  planDigest: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits')
    .optional()
    .describe("the coordinator's plan fingerprint: a server that builds another plan (another version) answers 422"),
});
export type ShardRequest = z.infer<typeof shardRequestSchema>;

export const shardResultSchema = z.object({
  firstChunk: z.number().int(),
  chunks: z.number().int(),
  paths: z.number().int(),
  recordLength: z.number().int().describe('float64 values per chunk record'),
  planDigest: z.string(),
  records: z
    .string()
    .describe(
      'the chunk records in chunk order, little-endian float64, base64: merge them in order (src/engine/moments.ts)',
    ),
  seconds: z.number().optional().describe('time the engine spent on the shard'),
});

/** GET /v1/evaluations query. */
export const listQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be an integer in [1, 100]')
    .transform(Number)
    .pipe(z.number().min(1, 'must be an integer in [1, 100]').max(100, 'must be an integer in [1, 100]'))
    .optional(),
  cursor: z.string().regex(JOB_ID_PATTERN, 'must be the nextCursor of a previous page').optional(),
  status: z.enum(JOB_STATUSES, { error: `must be one of ${JOB_STATUSES.join(', ')}` }).optional(),
});

// Responses (documentation only: the server builds them).

export const errorSchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe('machine-readable: invalid_request, malformed_json, work_limit, payload_too_large, queue_full, ...'),
    message: z.string().describe('one line naming the field and the problem'),
    field: z.string().optional().describe('the offending field (dotted path), header or parameter'),
  }),
});

const progressSchema = z.object({ donePaths: z.number(), totalPaths: z.number() });

export const jobSchema = z.object({
  id: z.string().regex(JOB_ID_PATTERN),
  kind: z.literal('evaluation'),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  attempts: z.number().int(),
  progress: progressSchema,
  config: z.record(z.string(), z.unknown()).describe('the validated config, defaults filled in'),
  result: z.record(z.string(), z.unknown()).optional().describe('the result of `flowexec evaluate --json`'),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const jobListSchema = z.object({
  items: z.array(jobSchema.omit({ config: true, result: true })),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next (older) page; null on the last page'),
});

export const healthSchema = z.object({
  status: z.literal('ok'),
  runtime: z.string(),
  version: z.string(),
  jobs: z.object({
    queued: z.number(),
    running: z.number(),
    durable: z.boolean(),
    mode: z.enum(['background', 'inline']),
  }),
});

export const benchResponseSchema = z.object({
  kernel: z.enum(BENCH_KERNELS),
  scheme: z.enum(['euler', 'qe']),
  paths: z.number(),
  steps: z.number(),
  threads: z.number(),
  runs: z.array(z.object({ seconds: z.number(), pathStepsPerSec: z.number().nullable() })),
  pathStepsPerSec: z
    .number()
    .nullable()
    .describe(
      'median over the runs; null if the clock did not move (workerd advances its clock only between I/O events, in whole milliseconds)',
    ),
});

export const simulationResponseSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'a workload: the result of `flowexec run --json`; a market + schedule: the result of `flowexec evaluate --json`',
  );
