// Plain-TS twin of assembly/rollout/model-block.ts: one path of any price model, step by step, drawing exactly
// what the wasm block kernels draw (Heston: normals 2k, 2k + 1 of stream 0, QE also uniform k of stream 1;
// the Brownian models: normal k).
import * as L from '../../engine/layout.js';
import type { Seed } from '../../engine/seed.js';
import { normalQuad } from '../rng/normal.js';
import { philox4x32 } from '../rng/philox.js';
import { eulerStep, type HestonState } from '../heston/euler.js';
import { qeStep } from '../heston/qe.js';
import { brownianStep } from '../brownian/brownian.js';

const TWO_M32 = 2.3283064365386963e-10;

export class PathStepper {
  readonly state: HestonState = { x: 0, v: 0 };
  private readonly normals = new Float64Array(4);
  private readonly words = new Uint32Array(4);
  private path = 0;

  private readonly f32: boolean;

  constructor(
    private readonly model: number,
    private readonly params: Float64Array,
    private readonly seed: Seed,
  ) {
    this.f32 = params[L.P_NORMALS_F32] !== 0;
  }

  reset(path: number): void {
    this.path = path;
    this.state.x = this.params[L.P_X0]!;
    this.state.v = this.params[L.P_V0]!;
  }

  /**
   * Advances the path through step k (steps are taken in order 0, 1, 2, ...); season: the step's volatility
   * multiplier (the environment's intraday seasonality; QE has none).
   */
  step(k: number, season = 1): void {
    const p = this.params;
    if (this.model === L.MODEL_GBM || this.model === L.MODEL_ABM) {
      // normal k: call k >> 2, position k & 3
      if ((k & 3) === 0) normalQuad(this.path, k >> 2, 0, this.seed.lo, this.seed.hi, this.normals, this.f32);
      brownianStep(p, this.state, this.normals[k & 3]!, season, this.model === L.MODEL_GBM);
      return;
    }
    if ((k & 1) === 0) normalQuad(this.path, k >> 1, 0, this.seed.lo, this.seed.hi, this.normals, this.f32);
    const z1 = this.normals[2 * (k & 1)]!,
      z2 = this.normals[2 * (k & 1) + 1]!;
    if (this.model === L.MODEL_HESTON_EULER) {
      eulerStep(p, this.state, z1, z2, season);
    } else {
      if ((k & 3) === 0) philox4x32(this.path, k >> 2, 1, 0, this.seed.lo, this.seed.hi, this.words);
      qeStep(p, this.state, z1, z2, this.words[k & 3]! * TWO_M32);
    }
  }

  /** The price the state stands for: exp(x), or x for the arithmetic model. */
  price(exp: (x: number) => number): number {
    return this.model === L.MODEL_ABM ? this.state.x : exp(this.state.x);
  }
}
