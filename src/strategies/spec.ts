// How a config names its strategies: the schema of each type, with defaults and the domain it accepts.
import { z } from 'zod';
import { inlineNetworkSchema } from './inline-mlp.js';
import { flowNetworkSchema } from './policy-file.js';

const name = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w .\-()\/=+,:%]+$/, 'may use letters, digits, spaces and . - ( ) / = + , : %')
  .optional();
/** Risk aversion on implementation shortfall as a fraction of the arrival notional: E[IS/N] + lambda Var[IS/N]. */
const riskAversion = z.number({ error: 'must be a number' }).min(0, 'must be >= 0').max(1e6, 'must be <= 1e6');

const acRisk = {
  riskAversion: riskAversion.optional(),
  /** lambda in 1 / currency, as in Almgren and Chriss (2000): riskAversion = this x notional. */
  riskAversionPerCurrency: z.number().min(0, 'must be >= 0').optional(),
};

/** How Almgren-Chriss sees a market that is not its own (strategies/linearise-general.ts). */
const acModel = {
  /** Default "volume": linearised at VWAP's rate step by step, so the schedule follows the volume curve; "calendar": at TWAP's. */
  clock: z.enum(['volume', 'calendar'], { error: 'must be "volume" or "calendar"' }).optional(),
  /** Default "curvature": the quadratic with the temporary cost's second derivative (1/2 beta (1 + beta) of the secant). */
  linearisation: z.enum(['curvature', 'secant'], { error: 'must be "curvature" or "secant"' }).optional(),
};

export const strategySchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('twap'), name }),
    z.strictObject({ type: z.literal('vwap'), name }),
    z.strictObject({
      type: z.literal('pov'),
      name,
      rate: z.number({ error: 'must be a number' }).gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]'),
      /** Steps at the end over which the remainder is spread (default: a tenth of the horizon). */
      catchUpSteps: z.number().int().min(1).optional(),
    }),
    z.strictObject({ type: z.literal('almgren-chriss'), name, ...acRisk, ...acModel }),
    z.strictObject({
      type: z.literal('adaptive-almgren-chriss'),
      name,
      ...acRisk,
      linearisation: acModel.linearisation,
    }),
    /** The static schedule minimising E[IS] + riskAversion Var[IS] in this market (default: the evaluation's). */
    z.strictObject({ type: z.literal('optimal-static'), name, ...acRisk }),
    z.strictObject({
      type: z.literal('schedule'),
      name,
      /** Fraction of the order in each step (one per step, >= 0); normalised to sum to 1. Or give quantitiesShares. */
      fractions: z.array(z.number().min(0, 'must be >= 0')).min(1).optional(),
      /** Shares to trade in each step (one per step, >= 0), summing to at most the order; the rest stays unexecuted. */
      quantitiesShares: z.array(z.number().min(0, 'must be >= 0').finite()).min(1).optional(),
    }),
    z.strictObject({ type: z.literal('mlp'), name, network: inlineNetworkSchema }),
    z.strictObject({ type: z.literal('policy'), name, file: z.string().min(1) }),
    /** A FlowOE policy inline: the `network` of a flow policy file. */
    z.strictObject({ type: z.literal('flow'), name, network: flowNetworkSchema }),
  ],
  {
    error:
      'strategy.type must be one of twap, vwap, pov, almgren-chriss, adaptive-almgren-chriss, optimal-static, schedule, mlp, policy, flow',
  },
);

export type StrategySpec = z.infer<typeof strategySchema>;

export function defaultStrategyName(s: StrategySpec): string {
  if (s.name) return s.name;
  switch (s.type) {
    case 'pov':
      return `pov-${Math.round(s.rate * 1000) / 10}%`;
    case 'almgren-chriss':
    case 'adaptive-almgren-chriss':
      return s.riskAversionPerCurrency !== undefined
        ? `${s.type}(lambda=${s.riskAversionPerCurrency}/ccy)`
        : `${s.type}(lambda=${s.riskAversion ?? 1})`;
    case 'optimal-static':
      return s.riskAversionPerCurrency !== undefined
        ? `optimal-static(lambda=${s.riskAversionPerCurrency}/ccy)`
        : s.riskAversion !== undefined
          ? `optimal-static(lambda=${s.riskAversion})`
          : 'optimal-static';
    case 'policy':
      return `policy:${s.file.replace(/^.*\//, '')}`;
    default:
      return s.type;
  }
}

/** `{ "policy": "policy.json" }` (the shorthand) is `{ "type": "policy", "file": "policy.json" }`. */
export function expandPolicyShorthand(value: unknown): unknown {
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !('type' in value) &&
    typeof (value as { policy?: unknown }).policy === 'string'
  ) {
    const { policy, ...rest } = value as { policy: string };
    return { type: 'policy', file: policy, ...rest };
  }
  return value;
}
