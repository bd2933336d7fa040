// The frontier says what each column is: the linearised AC model's closed form, this market's Monte Carlo, and the
// schedule optimiser's best static schedule for this market; a note names what the market has that AC lacks.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { formatEvaluation } from '../../src/cli/format-evaluation.js';
import { wasmExecutor } from '../support/workloads.js';

const load = (name: string) => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8'));
const executor = await wasmExecutor();

test('in a market with concave and transient impact, a curve and a cap the note names each, and the optimiser runs', async () => {
  const c = load('heston-execution');
  c.order.stepMinutes = 10;
  c.evaluation = { ...c.evaluation, paths: 2000, frontier: [0, 50] };
  const r = await runEvaluation(parseEvaluationConfig(c), executor);
  assert.equal(r.frontierInfo!.acModelGaps.slice(0, 4), [
    'concave impact',
    'transient impact',
    'a volume curve',
    'a 20% participation cap',
  ]);
  assert.ok(
    r.frontier!.every((p) => p.optimal && Number.isFinite(p.optimal.monteCarloMean) && p.optimal.completion > 0.5),
  );
  const text = formatEvaluation(r);
  assert.match(text, /closed form of the linearised Almgren-Chriss model/);
  assert.match(
    text,
    /note: this market has concave impact, .* the AC schedules are optimal for the linearised model, not for this market/,
  );
  assert.match(text, /optimal static E \(SE\)/);
});

test('in the Almgren-Chriss world there is no note: the closed form is exact there', async () => {
  const c = load('almgren-chriss');
  c.evaluation = { ...c.evaluation, paths: 2000, frontier: [0] };
  const r = await runEvaluation(parseEvaluationConfig(c), executor);
  assert.equal(r.frontierInfo!.acModelGaps, []);
  assert.not.match(formatEvaluation(r), /^note: /m);
});

test('on a grid of more steps than the optimiser handles, its column says why it is empty', async () => {
  const c = load('heston-execution');
  c.evaluation = { ...c.evaluation, paths: 1000, frontier: [0] };
  const r = await runEvaluation(parseEvaluationConfig(c), executor);
  assert.is(r.frontier![0]!.optimal, null);
  assert.match(r.frontierInfo!.optimiserNote!, /not computed: 390 steps/);
});

test.run();
