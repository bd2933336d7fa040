// Plain-TS twin of assembly/heston/terminal.ts: terminal log prices of full-truncation Euler paths.
import { normalPair } from '../rng/normal.js';
import { eulerConstants, eulerSqrtVarDt, eulerLogPrice, eulerVariance } from './euler.js';

const z = new Float64Array(2);

export function hestonEulerTerminal(firstPath: number, nPaths: number, steps: number, seedLo: number,
  seedHi: number, x0: number, v0: number, kappa: number, theta: number, xi: number, rho: number, mu: number,
  dt: number, out: Float64Array): void {
  const c = eulerConstants(kappa, theta, xi, rho, mu, dt);
  for (let i = 0; i < nPaths; i++) {
    let x = x0, v = v0;
    for (let k = 0; k < steps; k++) {
      normalPair(firstPath + i, k, 0, seedLo, seedHi, z);
      const vp = Math.max(v, 0.0);
      const sq = eulerSqrtVarDt(vp, c);
      x = eulerLogPrice(x, vp, sq, z[0]!, c);
      v = eulerVariance(v, vp, sq, z[0]!, z[1]!, c);
    }
    out[i] = x;
  }
}
