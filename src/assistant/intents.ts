// What the assistant's grammar produces: intents, slots, refusals, and the example questions a refusal offers.
import type { StrategyType, Level } from './lexicon.js';

export type EvaluationIntent = 'compare' | 'best' | 'what-if' | 'cost' | 'frontier';
export type HistoryIntent = 'last-plan' | 'last-performance' | 'last-trades' | 'last-best' | 'market-conditions';
export type Intent = EvaluationIntent | HistoryIntent | 'help' | 'refusal';

export interface StrategySlot {
  type: StrategyType;
  /** POV's participation rate, a fraction. */
  rate?: number;
  /** Almgren-Chriss risk aversion (same units as the evaluation's). */
  riskAversion?: number;
}

export interface Slots {
  side?: 'sell' | 'buy';
  shares?: number;
  /** Order size given as a fraction of daily volume ("5% of ADV"). */
  sharesFractionOfDailyVolume?: number;
  /** Order size given as money ("$10M"): shares = notional / price. */
  notional?: number;
  horizonMinutes?: number;
  strategies: StrategySlot[];
  participationCap?: number;
  riskAversion?: number;
  volatility?: Level;
  liquidity?: Level;
  paths?: number;
  seed?: number;
  /** How many trades ("the last 5 trades"). */
  count?: number;
}

export type RefusalReason = 'empty' | 'out-of-scope' | 'ambiguous' | 'invalid' | 'unknown-strategy' | 'unsupported';

export interface ParsedQuestion {
  intent: Intent;
  slots: Slots;
  refusal?: { reason: RefusalReason; message: string };
  /** What was read but not used, or assumed. */
  notes: string[];
}

export const EXAMPLE_QUESTIONS = [
  'compare TWAP and VWAP for selling 2M shares of a high-volatility stock over 2 hours',
  'which strategy is best in low liquidity?',
  'what if I use POV at 10%?',
  'how much does it cost to buy 500k shares over 90 min with VWAP?',
  'show the efficient frontier for selling 1.5mm shares over a day',
  'how did the strategies perform?',
  'which strategy performed best?',
  'what is the current execution plan?',
  'show me the last 5 trades',
  'what are the current market conditions?',
];

export function refuse(reason: RefusalReason, message: string, slots: Slots, notes: string[] = []): ParsedQuestion {
  return { intent: 'refusal', slots, refusal: { reason, message }, notes };
}

/** A number as the replies write it. */
export const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });
