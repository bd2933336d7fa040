// A static schedule as a closed-loop policy: trade qty_k of what is left (checks the environment against the
// static kernel, and runs schedules in markets where the static shortcut does not apply).
import * as E from '../rollout/env-layout';

export function scheduleFractions(env: usize, qtyPtr: usize): void {
  const k = <i32>E.header(env, E.E_STEP);
  const paths = <i32>E.header(env, E.E_PATHS);
  const nk = v128.load64_splat(qtyPtr + (<usize>k << 3));
  const qs = E.stateArray(env, E.S_Q), out = E.region(env, E.E_OFF_FRACTIONS);
  for (let p = 0; p < paths / 2; p++) {
    const o = <usize>p << 4;
    v128.store(out + o, f64x2.div(nk, v128.load(qs + o)));
  }
}
