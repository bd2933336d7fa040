// The completion rule: what the shares a strategy leaves at the horizon cost, and ranking that never puts an
// incomplete strategy above a complete one.
//
// "cleanup" (default): the leftover is executed at the last step as one block, cap lifted for that step, priced by the
// market's impact like any other trade (temporary and spread at the block's participation, the transient state, the
// permanent impact), so IS includes it. "opportunity": the leftover is marked to the final (impacted) price, Perold's
// opportunity cost. "penalty": the same mark plus penaltyBpsPerShare of the arrival price per unfilled share.
// Completion is always measured within the cap: the fraction of the order a strategy executed itself, before cleanup.
import type { CappedSchedule } from '../strategies/participation.js';
import { DEFAULT_COMPLETION_THRESHOLD, type EvaluationConfig } from './config.js';
import type { CompletionPolicy, CompletionRule } from './plan.js';

export function completionPolicy(e: Partial<EvaluationConfig['evaluation']>, s0: number): CompletionPolicy {
  const rule: CompletionRule = e.completion ?? 'cleanup';
  return {
    rule,
    penaltyPerShare: rule === 'penalty' ? (e.penaltyBpsPerShare ?? 0) * 1e-4 * s0 : 0,
    threshold: e.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD,
  };
}

/** A capped static schedule under the rule: under cleanup the leftover joins the last step (above the cap). */
export function completeSchedule(
  capped: CappedSchedule,
  rule: CompletionRule,
): { qty: Float64Array; unfilledShares: number; cleanupShares: number } {
  if (rule !== 'cleanup' || capped.unfilledShares === 0)
    return { qty: capped.qty, unfilledShares: capped.unfilledShares, cleanupShares: 0 };
  const qty = Float64Array.from(capped.qty);
  qty[qty.length - 1]! += capped.unfilledShares;
  return { qty, unfilledShares: 0, cleanupShares: capped.unfilledShares };
}

/**
 * Shares a closed-loop rollout under cleanup traded above the cap at its forced last step, from its largest
 * participation: a forced step above the cap trades more than cap x volume, so it is the largest of the episode.
 */
export function cleanupSharesOfRollout(maxParticipation: number, cap: number, lastStepVolume: number): number {
  return maxParticipation > cap ? (maxParticipation - cap) * lastStepVolume : 0;
}

export interface RankedItem {
  score: number;
  completion: number;
}

/**
 * Indices by score, best first, complete strategies (completion >= threshold, up to rounding) before incomplete
 * ones: an order that must complete does not get cheaper by not trading.
 */
export function rankIndices(items: readonly RankedItem[], threshold: number): number[] {
  const complete = (i: number) => items[i]!.completion >= threshold - 1e-12;
  return items
    .map((_, i) => i)
    .sort((a, b) => Number(complete(b)) - Number(complete(a)) || items[a]!.score - items[b]!.score);
}

export const COMPLETION_RULE_TEXT: Record<CompletionRule, string> = {
  cleanup:
    "what is left at the horizon is executed at the last step as a block at the market's impact (cap lifted), included in IS",
  opportunity: "what is left at the horizon is marked to the final price (Perold's opportunity cost)",
  penalty: 'what is left at the horizon is marked to the final price plus a penalty per unfilled share',
};
