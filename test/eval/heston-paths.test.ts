// Monte Carlo estimates of the heston-paths call against the published references, at sizes CI can afford.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonical, wasmExecutor } from '../support/workloads.js';
import { planFromWorkload } from '../../src/eval/workload-plan.js';
import { simulate } from '../../src/eval/simulate.js';
import { summarizePaths } from '../../src/eval/summary.js';

// ../shared/references/README.md
const EXACT_PRICE = 6.750867116214;
const DISCRETISED_252 = 6.75502,
  DISCRETISED_252_SE = 0.00027;
/** Allowance for the QE scheme's bias at 50 steps (the reference's own tolerance). */
const QE_50_BIAS_ALLOWANCE = 0.005;
/** std of the discounted payoff is about 8.6 (reference); a broken variance estimate must not pass. */
const PAYOFF_STD = 8.6,
  STD_RELATIVE_TOLERANCE = 0.03;
const PATHS = 200_000;

const executor = await wasmExecutor();
const workload = canonical('heston-paths');

test('252-step Euler is within 3 combined SE of the published discretised price 6.75502', async () => {
  const plan = planFromWorkload(workload, { paths: PATHS, seed: 11, scheme: 'euler' });
  const s = summarizePaths(plan as never, await simulate(plan, executor));
  const tolerance = 3 * Math.sqrt(s.stderr ** 2 + DISCRETISED_252_SE ** 2);
  assert.ok(Math.abs(s.mean - DISCRETISED_252) <= tolerance, `mean ${s.mean} vs ${DISCRETISED_252} +- ${tolerance}`);
  assert.ok(Math.abs(s.std / PAYOFF_STD - 1) < STD_RELATIVE_TOLERANCE, `std ${s.std}`);
  assert.ok(Math.abs(s.stderr - s.std / Math.sqrt(PATHS)) < 1e-12);
});

test('with f32 normals, 252-step Euler is within 3 combined SE of 6.75502 and within 1e-3 SE of the f64 run on the same seed', async () => {
  const f64 = planFromWorkload(workload, { paths: PATHS, seed: 11, scheme: 'euler' });
  const f32 = planFromWorkload(workload, { paths: PATHS, seed: 11, scheme: 'euler', precision: 'f32' });
  const a = summarizePaths(f64 as never, await simulate(f64, executor)),
    b = summarizePaths(f32 as never, await simulate(f32, executor));
  const tolerance = 3 * Math.sqrt(b.stderr ** 2 + DISCRETISED_252_SE ** 2);
  assert.ok(Math.abs(b.mean - DISCRETISED_252) <= tolerance, `mean ${b.mean} vs ${DISCRETISED_252} +- ${tolerance}`);
  // the same words through f32 arithmetic (~1e-7 relative) and a 24-bit uniform: a shift far below the sampling error
  assert.ok(Math.abs(b.mean - a.mean) < 1e-3 * a.stderr, `f32 ${b.mean} vs f64 ${a.mean} (SE ${a.stderr})`);
  assert.ok(b.mean !== a.mean, 'the f32 run drew different normals');
});

test('the control-variate estimate agrees with the plain one and has a smaller standard error', async () => {
  const plan = planFromWorkload(workload, { paths: PATHS, seed: 12, scheme: 'euler' });
  const s = summarizePaths(plan as never, await simulate(plan, executor));
  assert.ok(s.cvStderr < 0.8 * s.stderr, `cv SE ${s.cvStderr} vs ${s.stderr}`);
  assert.ok(
    Math.abs(s.cvMean - DISCRETISED_252) <= 3 * Math.sqrt(s.cvStderr ** 2 + DISCRETISED_252_SE ** 2),
    `cv ${s.cvMean}`,
  );
});

test('Andersen QE at 50 steps is within 3 SE + 0.005 of the exact price', async () => {
  const plan = planFromWorkload(workload, { paths: PATHS, seed: 13, scheme: 'qe', steps: 50 });
  const s = summarizePaths(plan as never, await simulate(plan, executor));
  const tolerance = 3 * s.stderr + QE_50_BIAS_ALLOWANCE;
  assert.ok(Math.abs(s.mean - EXACT_PRICE) <= tolerance, `mean ${s.mean} vs ${EXACT_PRICE} +- ${tolerance}`);
  assert.ok(Math.abs(s.std / PAYOFF_STD - 1) < STD_RELATIVE_TOLERANCE, `std ${s.std}`);
});

test('QE keeps the discounted price a martingale: mean S_T within 3 SE of s0', async () => {
  const plan = planFromWorkload(workload, { paths: PATHS, seed: 14, scheme: 'qe', steps: 12 });
  const record = await simulate(plan, executor);
  const n = record[0]!,
    mean = record[5]!,
    std = Math.sqrt(record[6]! / (n - 1));
  assert.ok(Math.abs(mean - 100) <= (3 * std) / Math.sqrt(n), `mean S_T ${mean}`);
});

test.run();
