// From a parsed question to the structured request shown to the user and the `flowexec evaluate` config it runs.
import { parseEvaluationConfig, orderGrid, DEFAULT_SEED, type EvaluationConfig } from '../eval/config.js';
import { defaultStrategyName, type StrategySpec } from '../strategies/spec.js';
import type { ParsedQuestion, StrategySlot, EvaluationIntent } from './grammar.js';
import type { Level } from './lexicon.js';
import { assistantMarket, DEFAULT_ORDER } from './markets.js';

/** Paths of an assistant evaluation: enough for a CI of a few tenths of a bp, quick enough to answer at once. */
export const ASSISTANT_PATHS = 10_000;
/** Risk aversion of Almgren-Chriss strategies and of the score when the question names none. */
export const ASSISTANT_RISK_AVERSION = 10;
export const DEFAULT_POV_RATE = 0.1;
export const FRONTIER_GRID = [0, 5, 10, 25, 50, 100, 250];

export interface AssistantRequest {
  intent: EvaluationIntent;
  market: { volatility: Level; liquidity: Level } | 'last run';
  side: 'sell' | 'buy';
  shares: number;
  horizonMinutes: number;
  steps: number;
  participationCap: number;
  riskAversion: number;
  strategies: StrategySpec[];
  paths: number;
  seed: number;
  frontier?: number[];
}

export interface RequestContext {
  /** For what-if questions: the last run's config, whose market and order the question changes. */
  base?: EvaluationConfig;
  /** The last run's best strategy, the what-if's baseline. */
  baseline?: StrategySpec;
  /** Largest paths x steps x (strategies + frontier points) this caller runs (the API's synchronous limit). */
  maxPathSteps?: number;
}

function spec(slot: StrategySlot, riskAversion: number): StrategySpec {
  switch (slot.type) {
    case 'pov':
      return { type: 'pov', rate: slot.rate ?? DEFAULT_POV_RATE };
    case 'almgren-chriss':
    case 'adaptive-almgren-chriss':
      return { type: slot.type, riskAversion: slot.riskAversion ?? riskAversion };
    default:
      return { type: slot.type };
  }
}

export function defaultStrategies(riskAversion: number): StrategySpec[] {
  return [
    { type: 'twap' },
    { type: 'vwap' },
    { type: 'pov', rate: DEFAULT_POV_RATE },
    { type: 'almgren-chriss', riskAversion },
    { type: 'adaptive-almgren-chriss', riskAversion },
  ];
}

/** The request and its validated config; InputErrors (a size above 1e10 shares...) propagate to the caller. */
export function buildRequest(
  parsed: ParsedQuestion,
  context: RequestContext = {},
): { request: AssistantRequest; config: EvaluationConfig } {
  const intent = parsed.intent as EvaluationIntent;
  const s = parsed.slots;
  const whatIf = intent === 'what-if' && context.base !== undefined;
  const base = whatIf ? context.base! : undefined;
  const regimeGiven = s.volatility !== undefined || s.liquidity !== undefined;
  const levels = { volatility: s.volatility ?? 'normal', liquidity: s.liquidity ?? 'normal' };
  const market = base && !regimeGiven ? base.market : assistantMarket(levels.volatility, levels.liquidity);
  const riskAversion = s.riskAversion ?? base?.evaluation.riskAversion ?? ASSISTANT_RISK_AVERSION;
  const s0 = market.model.type === 'abm' ? market.model.s0 : market.model.s0;
  const baseShares = base?.order.shares ?? DEFAULT_ORDER.shares;
  const shares = Math.round(
    s.shares ??
      (s.notional !== undefined
        ? s.notional / s0
        : s.sharesFractionOfDailyVolume !== undefined
          ? s.sharesFractionOfDailyVolume * market.dailyVolume
          : baseShares),
  );
  const horizonMinutes =
    s.horizonMinutes ??
    (base ? (base.order.horizonMinutes ?? base.order.horizonDays! * 390) : DEFAULT_ORDER.horizonMinutes);
  // a what-if that keeps the last run's horizon keeps its step grid too (the Almgren-Chriss example trades daily)
  const keepGrid = base !== undefined && s.horizonMinutes === undefined;
  const steps = keepGrid ? orderGrid(base!.order).steps : Math.max(1, Math.min(390, Math.round(horizonMinutes)));
  let strategies = s.strategies.map((slot) => spec(slot, riskAversion));
  if (strategies.length === 0 && intent !== 'what-if')
    strategies =
      intent === 'frontier'
        ? [{ type: 'twap' }, { type: 'vwap' }, { type: 'almgren-chriss', riskAversion }]
        : defaultStrategies(riskAversion);
  if (intent === 'compare' && strategies.length === 1)
    strategies.push(strategies[0]!.type === 'twap' ? { type: 'vwap' } : { type: 'twap' });
  if (intent === 'what-if') {
    const baseline = whatIf ? (context.baseline ?? base!.strategies[0]!) : ({ type: 'twap' } as StrategySpec);
    if (strategies.length === 0)
      strategies = whatIf ? base!.strategies.filter((x) => x.type !== 'policy') : defaultStrategies(riskAversion);
    if (!strategies.some((x) => defaultStrategyName(x) === defaultStrategyName(baseline)) && baseline.type !== 'policy')
      strategies.push(baseline);
  }
  const participationCap = s.participationCap ?? base?.order.participationCap ?? 1;
  const frontier = intent === 'frontier' ? FRONTIER_GRID : undefined;
  let paths = s.paths ?? ASSISTANT_PATHS;
  if (context.maxPathSteps !== undefined) {
    const perPath = steps * (strategies.length + (frontier?.length ?? 0));
    paths = Math.max(1000, Math.min(paths, Math.floor(context.maxPathSteps / perPath / 1000) * 1000));
  }
  const seed = s.seed ?? DEFAULT_SEED;
  const side = s.side ?? base?.order.side ?? DEFAULT_ORDER.side;
  const config = parseEvaluationConfig({
    name: `ask-${intent}`,
    description: 'built by flowexec ask',
    market,
    order: {
      side,
      shares,
      // past one session the order runs on trading time over days (market/session.ts refuses minutes past the close)
      ...(horizonMinutes > 390 ? { horizonDays: horizonMinutes / 390 } : { horizonMinutes }),
      steps,
      participationCap,
      ...(base?.order.startMinute ? { startMinute: base.order.startMinute } : {}),
    },
    strategies,
    evaluation: { paths, seed, riskAversion, ...(frontier ? { frontier } : {}) },
  });
  return {
    request: {
      intent,
      market: base && !regimeGiven ? 'last run' : levels,
      side,
      shares,
      horizonMinutes,
      steps,
      participationCap,
      riskAversion,
      strategies,
      paths,
      seed,
      ...(frontier ? { frontier } : {}),
    },
    config,
  };
}
