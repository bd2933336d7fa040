// Expected inventory trajectories of an evaluation's strategies, for charts: remaining fraction of the order at step
// boundaries (exact for static schedules: their child orders do not depend on the path; null for closed-loop ones).
import type { ExecutionPlan } from './plan.js';

/** Points per trajectory at most: long horizons are thinned to this many step boundaries. */
export const MAX_TRAJECTORY_POINTS = 391;

/** Child orders are listed for horizons of at most this many steps. */
export const MAX_CHILD_ORDER_STEPS = 2000;

export interface InventoryTrajectories {
  /** Minutes since the order's start of each point. */
  minutes: number[];
  /** By strategy name: remaining fraction of the order (1 at the start), or null when it depends on the path. */
  remaining: Record<string, number[] | null>;
  /** By strategy name: shares of each step (static strategies, before thinning: one per step), for the plan. */
  childShares: Record<string, number[] | null>;
}

export function inventoryTrajectories(
  plan: ExecutionPlan,
  stepMinutes: number,
  maxPoints = MAX_TRAJECTORY_POINTS,
): InventoryTrajectories {
  const n = plan.steps;
  const points = Math.min(n + 1, maxPoints);
  const at = Array.from({ length: points }, (_, i) => (points === n + 1 ? i : Math.round((i * n) / (points - 1))));
  const remaining: InventoryTrajectories['remaining'] = {};
  const childShares: InventoryTrajectories['childShares'] = {};
  for (const s of plan.strategies) {
    if (s.kind !== 'static') {
      remaining[s.name] = null;
      childShares[s.name] = null;
      continue;
    }
    const qty = s.costs.qty;
    const cumulative = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) cumulative[k + 1] = cumulative[k]! + qty[k]!;
    remaining[s.name] = at.map((k) => 1 - cumulative[k]! / plan.orderShares);
    childShares[s.name] = n <= MAX_CHILD_ORDER_STEPS ? Array.from(qty) : null;
  }
  return { minutes: at.map((k) => k * stepMinutes), remaining, childShares };
}
