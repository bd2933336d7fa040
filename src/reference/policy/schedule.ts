// Plain-TS twin of assembly/policy/schedule.ts: a static schedule as a closed-loop policy.

/** The fraction of decision k of a path with q shares left: qty_k / q. */
export function scheduleFraction(qty: Float64Array, k: number, q: number): number {
  return qty[k]! / q;
}
