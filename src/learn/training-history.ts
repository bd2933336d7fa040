// The per-iteration training log kept in a policy file (training.history): one array per quantity, no wall-clock
// figures, so the file stays a function of the config and seed alone (steps/s go to the log beside it).
import type { IterationLog } from './ppo.js';

/** The quantities of PPO's iteration log that the policy file keeps (stepsPerSec is wall clock: left out). */
export const HISTORY_FIELDS = [
  'iteration',
  'envSteps',
  'meanCostBps',
  'objective',
  'completion',
  'policyLoss',
  'valueLoss',
  'entropy',
  'approxKl',
  'clipFraction',
  'learningRate',
  'actionStd',
] as const;

export type TrainingHistory = Record<(typeof HISTORY_FIELDS)[number], number[]>;

/** Columns of the iteration logs, in iteration order. */
export function historyColumns(logs: readonly IterationLog[]): TrainingHistory {
  return Object.fromEntries(HISTORY_FIELDS.map((f) => [f, logs.map((l) => l[f])])) as TrainingHistory;
}

/** Flow matching's loss curve: the mean loss of each logged block of steps, at the block's last step. */
export function lossHistory(
  losses: readonly number[],
  iterations: number,
  logEvery: number,
): { step: number[]; loss: number[] } {
  return {
    step: losses.map((_, i) => (i === losses.length - 1 ? iterations : (i + 1) * logEvery)),
    loss: [...losses],
  };
}
