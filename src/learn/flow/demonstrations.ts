// Demonstrations for FlowOE: every expert's (observation, action) pairs in every regime, labelled by how well the
// expert did there: "best" keeps the regime's best expert, "softmax" weights expert e by exp(-(J_e - J_best) / T).
import type { Rollout } from './experts.js';
import { OBSERVATION_FEATURES } from '../../engine/env-layout.js';

export type Labelling = 'best' | 'softmax';

export interface ExpertScore {
  regime: string;
  expert: string;
  /** Mean objective on the demonstration paths, bps. */
  objective: number;
  /** Weight of the expert's pairs in the regime (sums to 1 over the regime's experts). */
  weight: number;
}

export interface Demonstrations {
  obs: Float32Array;
  u: Float32Array;
  /** Per-pair loss weights; every regime carries the same total weight, so the mixture is balanced. */
  weight: Float32Array;
  count: number;
  scores: ExpertScore[];
}

const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

/**
 * Expert weights of one regime from their mean objectives (lower is better): one-hot on the best, or a softmax with
 * temperature `temperatureBps` (weights below 1e-3 of the largest are dropped, the rest renormalised).
 */
export function expertWeights(objectives: number[], labelling: Labelling, temperatureBps: number): number[] {
  const best = objectives.reduce((b, j, i) => (j < objectives[b]! ? i : b), 0);
  if (labelling === 'best') return objectives.map((_, i) => (i === best ? 1 : 0));
  const raw = objectives.map((j) => Math.exp(-(j - objectives[best]!) / temperatureBps));
  const kept = raw.map((w) => (w >= 1e-3 ? w : 0));
  const total = kept.reduce((s, w) => s + w, 0);
  return kept.map((w) => w / total);
}

/** Pairs of every expert with a non-zero weight, from rollouts recorded on each regime's demonstration paths. */
export function buildDemonstrations(
  rollouts: Array<{ regime: string; experts: Array<{ name: string; rollout: Rollout }> }>,
  labelling: Labelling,
  temperatureBps: number,
): Demonstrations {
  const F = OBSERVATION_FEATURES;
  const scores: ExpertScore[] = [];
  const parts: Array<{ obs: Float32Array; u: Float32Array; w: number }> = [];
  for (const r of rollouts) {
    const objectives = r.experts.map((e) => mean(e.rollout.objective));
    const weights = expertWeights(objectives, labelling, temperatureBps);
    const pairs = r.experts[0]!.rollout.u!.length;
    r.experts.forEach((e, i) => {
      scores.push({ regime: r.regime, expert: e.name, objective: objectives[i]!, weight: weights[i]! });
      if (weights[i]! > 0) parts.push({ obs: e.rollout.obs!, u: e.rollout.u!, w: weights[i]! / pairs });
    });
  }
  const count = parts.reduce((s, p) => s + p.u.length, 0);
  const obs = new Float32Array(count * F),
    u = new Float32Array(count),
    weight = new Float32Array(count);
  let at = 0;
  for (const p of parts) {
    obs.set(p.obs, at * F);
    u.set(p.u, at);
    // scaled so the mean weight is 1 (the loss is a weighted mean either way)
    weight.fill((p.w * count) / rollouts.length, at, at + p.u.length);
    at += p.u.length;
  }
  return { obs, u, weight, count, scores };
}
