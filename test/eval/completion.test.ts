// The completion rule: under a participation cap that stops a strategy from finishing, cleanup charges the leftover
// as a block at the last step, opportunity marks it to the final price, penalty adds a charge per share; ranking never
// puts an incomplete strategy above a complete one; static and closed-loop strategies agree on the rule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation, type EvaluationResult } from '../../src/eval/evaluate.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../src/eval/plan.js';
import { wasmExecutor } from '../support/workloads.js';

/** Monte Carlo against an exact value: 3 standard errors. */
const SE_TOLERANCE = 3;
const base = JSON.parse(readFileSync('examples/heston-execution.json', 'utf8'));
/** The case: buy 300k shares over 2 hours from the 120th minute under a 25% cap; POV 15% cannot finish. */
function config(evaluation: Record<string, unknown>, dailyVolume = 6e6) {
  return parseEvaluationConfig({
    ...base,
    market: { ...base.market, dailyVolume },
    order: { side: 'buy', shares: 3e5, horizonMinutes: 120, startMinute: 120, participationCap: 0.25 },
    strategies: [
      { type: 'twap' },
      { type: 'vwap' },
      { type: 'pov', rate: 0.15 },
      { type: 'adaptive-almgren-chriss', riskAversion: 50 },
    ],
    evaluation: { paths: 4000, riskAversion: 1, ...evaluation },
  });
}
const executor = await wasmExecutor();
const byName = (r: EvaluationResult, name: string) => r.strategies.find((s) => s.name === name)!;
const cleanup = await runEvaluation(config({}), executor);
const opportunity = await runEvaluation(config({ completion: 'opportunity' }), executor);

test('the default rule is cleanup, and the output names it', () => {
  assert.is(cleanup.completionRule, 'cleanup');
  assert.is(opportunity.completionRule, 'opportunity');
});

test('under opportunity cost POV 15% is cheapest but incomplete, and ranks below every complete strategy with a warning', () => {
  const pov = byName(opportunity, 'pov-15%');
  assert.ok(pov.completion < 0.9 && pov.completion > 0.5, `completion ${pov.completion}`);
  assert.ok(
    opportunity.strategies.every((s) => s === pov || s.mean > pov.mean),
    'POV is the cheapest by mean',
  );
  assert.is(opportunity.ranking.at(-1), 'pov-15%');
  assert.equal(opportunity.incomplete, [{ name: 'pov-15%', completion: pov.completion }]);
  assert.ok(pov.incomplete && opportunity.strategies.filter((s) => s.incomplete).length === 1);
});

test('cleanup charges the leftover: POV pays its block, complete strategies are unchanged, completion is the same', () => {
  const povC = byName(cleanup, 'pov-15%'),
    povO = byName(opportunity, 'pov-15%');
  assert.is(povC.completion, povO.completion);
  assert.is(povC.attribution.opportunity.mean, 0);
  // the block of ~30% of the order in one minute pays far more temporary impact than the mark to market
  assert.ok(povC.mean > povO.mean + 50, `${povC.mean} vs ${povO.mean}`);
  assert.ok(povC.maxParticipation > 1, 'the block trades above the cap');
  for (const name of ['twap', 'vwap']) assert.is(byName(cleanup, name).mean, byName(opportunity, name).mean);
  assert.equal(
    cleanup.incomplete.map((x) => x.name),
    ['pov-15%'],
  );
});

test('the cleanup block is the capped schedule plus the leftover at the last step, and its E[IS] is exact', () => {
  const planC = buildExecutionPlan(config({}));
  const planO = buildExecutionPlan(config({ completion: 'opportunity' }));
  const povC = planC.strategies[2] as StaticStrategyPlan,
    povO = planO.strategies[2] as StaticStrategyPlan;
  const last = planC.steps - 1;
  assert.ok(povO.unfilledShares > 0 && povC.unfilledShares === 0);
  assert.is(povC.cleanupShares, povO.unfilledShares);
  assert.is(povC.costs.qty[last], povO.costs.qty[last]! + povO.unfilledShares);
  for (let k = 0; k < last; k++) assert.is(povC.costs.qty[k], povO.costs.qty[k]);
  const s = byName(cleanup, 'pov-15%');
  assert.ok(
    Math.abs(s.mean - s.oracleMean!) <= SE_TOLERANCE * s.stderr,
    `${s.mean} vs exact ${s.oracleMean} (SE ${s.stderr})`,
  );
});

test('penalty: the mark to market plus penaltyBpsPerShare per unfilled share, exactly', async () => {
  const penalty = await runEvaluation(config({ completion: 'penalty', penaltyBpsPerShare: 200 }), executor);
  assert.is(penalty.completionRule, 'penalty');
  const p = byName(penalty, 'pov-15%'),
    o = byName(opportunity, 'pov-15%');
  const expected = (1 - p.completion) * 200;
  assert.ok(
    Math.abs(p.attribution.penalty.mean - expected) < 1e-9 * expected,
    `${p.attribution.penalty.mean} vs ${expected}`,
  );
  assert.ok(Math.abs(p.mean - o.mean - expected) < 1e-9 * p.mean);
  assert.is(byName(penalty, 'twap').attribution.penalty.mean, 0);
});

test('a closed-loop strategy follows the same rule: where every step is capped it trades exactly as TWAP, cleanup included', async () => {
  for (const completion of ['cleanup', 'opportunity']) {
    const r = await runEvaluation(config({ completion }, 3.6e6), executor);
    const twap = byName(r, 'twap'),
      adaptive = byName(r, 'adaptive-almgren-chriss(lambda=50)');
    assert.ok(twap.completion < 0.7, `${completion}: TWAP is capped (${twap.completion})`);
    assert.ok(
      Math.abs(adaptive.completion - twap.completion) < 1e-12,
      `${completion}: ${adaptive.completion} vs ${twap.completion}`,
    );
    assert.ok(
      Math.abs(adaptive.mean - twap.mean) < 1e-9 * Math.abs(twap.mean),
      `${completion}: ${adaptive.mean} vs ${twap.mean}`,
    );
  }
});

test("a completion threshold below POV's completion ranks it by score again", async () => {
  const r = await runEvaluation(config({ completion: 'opportunity', completionThreshold: 0.5 }), executor);
  assert.is(r.ranking[0], 'pov-15%');
  assert.equal(r.incomplete, []);
});

test.run();
