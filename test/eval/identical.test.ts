// Identical schedules are "identical" with p = 1, not a significant difference of 1e-12 bps with a zero standard error;
// p-values come from the paired t-statistic only when the paired variance is positive. JSON, CSV and the table agree.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { evaluationCsv } from '../../src/eval/report-csv.js';
import { formatEvaluation } from '../../src/cli/format-evaluation.js';
import { twoSidedPValue } from '../../src/math/normal-cdf.js';
import { wasmExecutor } from '../support/workloads.js';

const base = JSON.parse(readFileSync('examples/heston-execution.json', 'utf8'));
const config = parseEvaluationConfig({
  ...base,
  market: { ...base.market, volumeCurve: { type: 'flat' } },
  strategies: [{ type: 'twap' }, { type: 'vwap' }, { type: 'pov', rate: 0.02 }],
  evaluation: { paths: 3000, riskAversion: 1 },
});
const r = await runEvaluation(config, await wasmExecutor());
const other = r.ranking[0] === 'twap' ? 'vwap' : 'twap';

test('on a flat volume curve TWAP and VWAP are identical: p = 1, flagged', () => {
  assert.ok(['twap', 'vwap'].includes(r.ranking[0]!), `ranking ${r.ranking}`);
  const d = r.pairedToBest.find((x) => x.strategy === other)!;
  assert.ok(d.identical, JSON.stringify(d));
  assert.is(d.pValue, 1);
});

test("a real difference with positive paired variance gets the t-statistic's p-value", () => {
  const ac = r.pairedToBest.find((x) => x.strategy.startsWith('pov'))!;
  assert.ok(!ac.identical && ac.stderr > 0);
  assert.is(ac.pValue, twoSidedPValue(ac.mean, ac.stderr));
});

test('the CSV says identical with p = 1 and the table prints "identical"', () => {
  const rows = evaluationCsv(r)
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const header = rows[0]!;
  const row = rows.find((x) => x[1] === other)!;
  assert.is(row[header.indexOf('identical_to_best')], 'true');
  assert.is(row[header.indexOf('diff_p_value')], '1');
  assert.match(formatEvaluation(r), new RegExp(`${other}\\s.*identical\\s+1\\s`));
});

test.run();
