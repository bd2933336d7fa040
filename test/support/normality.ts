// Checks that a sample is standard normal, shared by the f64 and f32 generators' tests: the first four moments within
// 3 standard errors of N(0, 1)'s, and the Kolmogorov-Smirnov distance below its 0.1% critical value.
import * as assert from 'uvu/assert';
import { normalCdf } from '../../src/math/normal-cdf.js';

/** Moments 1-4 against 0, 1, 0, 3, each within 3 SE (the SEs of N(0, 1): 1, sqrt 2, sqrt 15, sqrt 96 over sqrt n). */
export function assertNormalMoments(z: ArrayLike<number>): void {
  const n = z.length;
  let s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0;
  for (let i = 0; i < n; i++) {
    const x = z[i]!;
    s1 += x;
    s2 += x * x;
    s3 += x ** 3;
    s4 += x ** 4;
  }
  const mean = s1 / n,
    variance = s2 / n - mean * mean;
  assert.ok(Math.abs(mean) < 3 / Math.sqrt(n), `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 3 * Math.sqrt(2 / n), `variance ${variance}`);
  assert.ok(Math.abs(s3 / n) < 3 * Math.sqrt(15 / n), `third moment ${s3 / n}`);
  assert.ok(Math.abs(s4 / n - 3) < 3 * Math.sqrt(96 / n), `fourth moment ${s4 / n}`);
}

/** K-S distance to N(0, 1) below 1.9495 / sqrt(n): a correct generator fails 1e-3 of seeds (asymptotic quantile). */
export function assertNormalKs(z: ArrayLike<number>): void {
  const n = z.length;
  const sorted = Float64Array.from(z).sort();
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  assert.ok(d < 1.9495 / Math.sqrt(n), `D = ${d}`);
}
