// Plain-TS twin of assembly/heston/euler.ts: one full-truncation Euler step, same folded constants and order.

/** Per-run constants of the Euler step, folded once (same expressions as the wasm kernel). */
export interface EulerConstants {
  dt: number; muDt: number; halfDt: number; kappaThetaDt: number; kappaDt: number;
  xi: number; rho: number; rhoBar: number;
}

export function eulerConstants(kappa: number, theta: number, xi: number, rho: number, mu: number,
  dt: number): EulerConstants {
  return { dt, muDt: mu * dt, halfDt: 0.5 * dt, kappaThetaDt: kappa * theta * dt, kappaDt: kappa * dt,
    xi, rho, rhoBar: Math.sqrt(1.0 - rho * rho) };
}

/** sqrt(max(v, 0) dt). */
export function eulerSqrtVarDt(vp: number, c: EulerConstants): number {
  return Math.sqrt(vp * c.dt);
}

export function eulerLogPrice(x: number, vp: number, sq: number, z1: number, c: EulerConstants): number {
  return (x + (c.muDt - c.halfDt * vp)) + sq * z1;
}

export function eulerVariance(v: number, vp: number, sq: number, z1: number, z2: number, c: EulerConstants): number {
  const drift = c.kappaThetaDt - c.kappaDt * vp;
  const shock = (c.xi * sq) * (c.rho * z1 + c.rhoBar * z2);
  return (v + drift) + shock;
}
