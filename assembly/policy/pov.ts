// Percentage of volume on the market's realised volume: each step trade rate x V_k u (the step's volume with its
// noise, see rollout/execution-env.ts), what is left following the order's completion rule.
import * as E from '../rollout/env-layout';

/** Fractions of decision k for paths first .. first + count - 1 (even): rate V_k u over what each path has left. */
export function povPaths(env: usize, k: i32, ratePtr: usize, first: i32, count: i32): void {
  const target = f64x2.splat(load<f64>(ratePtr) * load<f64>(E.region(env, E.E_OFF_VOLUME) + (<usize>k << 3)));
  const qs = E.stateArray(env, E.S_Q), us = E.stateArray(env, E.S_VOLUME_MULT), out = E.region(env, E.E_OFF_FRACTIONS);
  for (let p = first >> 1; p < (first + count) >> 1; p++) {
    const o = <usize>p << 4;
    v128.store(out + o, f64x2.div(f64x2.mul(target, v128.load(us + o)), v128.load(qs + o)));
  }
}
