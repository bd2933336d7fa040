// The heston-execution workload: Monte Carlo IS against the exact expectation, exact deterministic parts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonical, wasmExecutor } from '../support/workloads.js';
import { expectedShortfallBps, type ExecutionPlan, type StaticStrategyPlan } from '../../src/eval/plan.js';
import { planFromWorkload } from '../../src/eval/workload-plan.js';
import { simulate } from '../../src/eval/simulate.js';
import { summarizeExecution } from '../../src/eval/summary.js';

// ../shared/references/README.md: exact E[IS] and its parts, bps
const EXACT_IS = 36.6259321212831;
const EXACT_TEMPORARY = 16.5722700867,
  EXACT_PERMANENT = 12.457578555,
  EXACT_TRANSIENT = 7.5960834796;
/** The references give ten decimals; the closed form and the step loop agree to 6e-13 bps. */
const DECIMALS_TOLERANCE = 1e-9;
/** std(IS) is about 72.45 bps (reference). */
const IS_STD = 72.45,
  STD_RELATIVE_TOLERANCE = 0.03;
const PATHS = 200_000;

const executor = await wasmExecutor();
const plan = planFromWorkload(canonical('heston-execution'), {
  paths: PATHS,
  seed: 21,
  scheme: 'euler',
}) as ExecutionPlan;
const [twap] = summarizeExecution(plan, await simulate(plan, executor)).strategies;

test('the closed-form E[IS] of the plan equals the published 36.6259321212831 bps', () => {
  assert.ok(
    Math.abs(expectedShortfallBps(plan, plan.strategies[0] as StaticStrategyPlan) - EXACT_IS) < DECIMALS_TOLERANCE,
  );
});

test('mean IS is within 3 SE of the exact 36.6259321212831 bps and its SE is as claimed', () => {
  assert.ok(Math.abs(twap!.mean - EXACT_IS) <= 3 * twap!.stderr, `mean ${twap!.mean} SE ${twap!.stderr}`);
  assert.ok(Math.abs(twap!.std / IS_STD - 1) < STD_RELATIVE_TOLERANCE, `std ${twap!.std}`);
});

test('temporary and transient costs are the exact deterministic values', () => {
  assert.ok(
    Math.abs(twap!.attribution.temporary.mean - EXACT_TEMPORARY) < DECIMALS_TOLERANCE,
    `${twap!.attribution.temporary.mean}`,
  );
  assert.ok(
    Math.abs(twap!.attribution.transient.mean - EXACT_TRANSIENT) < DECIMALS_TOLERANCE,
    `${twap!.attribution.transient.mean}`,
  );
});

test('the permanent part is within 3 SE of 12.4575785550 bps and the timing part within 3 SE of zero', () => {
  const { permanent, timing } = twap!.attribution;
  assert.ok(
    Math.abs(permanent.mean - EXACT_PERMANENT) <= 3 * permanent.stderr,
    `${permanent.mean} +- ${permanent.stderr}`,
  );
  assert.ok(Math.abs(timing.mean) <= 3 * timing.stderr, `${timing.mean} +- ${timing.stderr}`);
  assert.ok(
    permanent.stderr > 0 && permanent.stderr < 0.1 * twap!.stderr,
    'the permanent part varies far less than the total',
  );
});

test('with f32 normals, mean IS is within 3 SE of the exact value and within 1e-3 SE of the f64 run on the same seed', async () => {
  const f32 = planFromWorkload(canonical('heston-execution'), {
    paths: PATHS,
    seed: 21,
    scheme: 'euler',
    precision: 'f32',
  }) as ExecutionPlan;
  const [single] = summarizeExecution(f32, await simulate(f32, executor)).strategies;
  assert.ok(Math.abs(single!.mean - EXACT_IS) <= 3 * single!.stderr, `mean ${single!.mean} SE ${single!.stderr}`);
  assert.ok(Math.abs(single!.mean - twap!.mean) < 1e-3 * twap!.stderr, `f32 ${single!.mean} vs f64 ${twap!.mean}`);
  assert.ok(single!.mean !== twap!.mean, 'the f32 run drew different normals');
  assert.ok(
    Math.abs(single!.attribution.temporary.mean - EXACT_TEMPORARY) < DECIMALS_TOLERANCE,
    'the deterministic parts do not see the normals',
  );
});

test('VaR95 and CVaR95 sit in the upper tail, in order', () => {
  assert.ok(
    twap!.var95 > twap!.mean + 1.2 * twap!.std && twap!.var95 < twap!.mean + 2.2 * twap!.std,
    `VaR ${twap!.var95}`,
  );
  assert.ok(twap!.cvar95 > twap!.var95 && twap!.cvar95 < twap!.max);
});

test.run();
