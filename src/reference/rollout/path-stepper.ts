// One Heston path of the twin, step by step, drawing exactly what the wasm block kernels draw.
import * as L from '../../engine/layout.js';
import type { Seed } from '../../engine/backend.js';
import { normalQuad } from '../rng/normal.js';
import { philox4x32 } from '../rng/philox.js';
import { eulerStep, type HestonState } from '../heston/euler.js';
import { qeStep } from '../heston/qe.js';

const TWO_M32 = 2.3283064365386963e-10;

export class PathStepper {
  readonly state: HestonState = { x: 0, v: 0 };
  private readonly normals = new Float64Array(4);
  private readonly words = new Uint32Array(4);
  private path = 0;

  constructor(private readonly scheme: number, private readonly params: Float64Array, private readonly seed: Seed) {}

  reset(path: number): void {
    this.path = path;
    this.state.x = this.params[L.P_X0]!;
    this.state.v = this.params[L.P_V0]!;
  }

  /** Advances the path through step k (steps are taken in order 0, 1, 2, ...). */
  step(k: number): void {
    if ((k & 1) === 0) normalQuad(this.path, k >> 1, 0, this.seed.lo, this.seed.hi, this.normals);
    const z1 = this.normals[2 * (k & 1)]!, z2 = this.normals[2 * (k & 1) + 1]!;
    if (this.scheme === L.SCHEME_EULER) {
      eulerStep(this.params, this.state, z1, z2);
    } else {
      if ((k & 3) === 0) philox4x32(this.path, k >> 2, 1, 0, this.seed.lo, this.seed.hi, this.words);
      qeStep(this.params, this.state, z1, z2, this.words[k & 3]! * TWO_M32);
    }
  }
}
