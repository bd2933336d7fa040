// A static schedule as a closed-loop policy: trade qty_k of what is left (checks the environment against the
// static kernel, and runs schedules in markets where the static shortcut does not apply).
import * as E from '../rollout/env-layout';

/** Fractions of decision k for paths first .. first + count - 1 (even): qty_k over what each path has left. */
export function schedulePaths(env: usize, k: i32, qtyPtr: usize, first: i32, count: i32): void {
  const nk = v128.load64_splat(qtyPtr + (<usize>k << 3));
  const qs = E.stateArray(env, E.S_Q), out = E.region(env, E.E_OFF_FRACTIONS);
  for (let p = first >> 1; p < (first + count) >> 1; p++) {
    const o = <usize>p << 4;
    v128.store(out + o, f64x2.div(nk, v128.load(qs + o)));
  }
}
