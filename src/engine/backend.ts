// The kernel contract: what the wasm engine and its plain-TS twin both implement, bit for bit.
// Every kernel test (test/<folder>/<kernel>.test.ts) runs it on both through test/support/contract.ts; the evaluation layer
// only ever talks to this interface.
import type { EnvSpec, PolicyRef } from './env-spec.js';
import type { Seed } from './seed.js';

export interface KernelBackend {
  readonly name: 'wasm' | 'reference';
  /** Terminal states (log price, or price for ABM) of paths firstPath .. firstPath + n - 1 into out[0 .. n - 1]. */
  terminalValues(
    model: number,
    params: Float64Array,
    seed: Seed,
    firstPath: number,
    n: number,
    steps: number,
    out: Float64Array,
  ): void;
  /**
   * For each of nStrategies static schedules (qty[s steps + k] = n_sk, weight = n_sk f_sk) the sums
   * A_s = sum_k n_sk S_k into out[2 s stride + i] and B_s = sum_k g_sk S_k into out[(2 s + 1) stride + i],
   * and the unimpacted terminal price into out[2 nStrategies stride + i].
   */
  staticExecution(
    model: number,
    params: Float64Array,
    seed: Seed,
    firstPath: number,
    n: number,
    steps: number,
    nStrategies: number,
    qty: Float64Array,
    weight: Float64Array,
    out: Float64Array,
    stride: number,
  ): void;
  /**
   * An episode of paths firstPath .. firstPath + n - 1 of the execution environment under a policy evaluated in
   * the engine; ROLLOUT_COLUMNS columns per path (timing, permanent, temporary, transient, spread, shares left,
   * shares executed, max participation, unimpacted terminal price) into out[c stride + i].
   */
  closedLoopRollout(
    spec: EnvSpec,
    firstPath: number,
    n: number,
    policy: PolicyRef,
    out: Float64Array,
    stride: number,
  ): void;
  /** Prices S_0 .. S_steps of paths firstPath .. firstPath + n - 1, row-major [path][steps + 1] (small requests only). */
  samplePaths(
    model: number,
    params: Float64Array,
    seed: Seed,
    firstPath: number,
    n: number,
    steps: number,
    out: Float64Array,
  ): void;
  /** Statistics record of n per-path values (column-major, stride) into record (see engine/moments.ts). */
  momentsReduce(
    values: Float64Array,
    n: number,
    stride: number,
    nCols: number,
    nPaired: number,
    hist: Float64Array | null,
    bins: number,
    record: Float64Array,
  ): void;
}
