// Strategies written by the user, from code and from config files, evaluated on common random numbers beside the
// built-ins: a schedule of per-step quantities and a closed-loop MLP given as weights.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { evaluate, mlpPolicy, parseEvaluationConfig, InputError } from '../../src/index.js';
import { flowexec, scratchDir, writeJson } from '../support/cli.js';

const base = () => {
  const c = JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8')) as Record<string, any>;
  return { ...c, evaluation: { paths: 3000, riskAversion: 50 } };
};
const SHARES = 1e6,
  STEPS = 5;
const zeroNetwork = {
  hidden: [3, 2] as [number, number],
  w1: new Array(18).fill(0),
  b1: [0, 0, 0],
  w2: new Array(6).fill(0),
  b2: [0, 0],
  w3: [0, 0],
  b3: [0],
};

test("a schedule of per-step quantities equal to TWAP's trades gives TWAP's figures bit for bit (same paths, same schedule)", async () => {
  const report = await evaluate({
    ...base(),
    strategies: [
      { type: 'twap' },
      { type: 'schedule', name: 'mine', quantitiesShares: new Array(STEPS).fill(SHARES / STEPS) },
    ],
  });
  const pick = (s: any) => [s.mean, s.stderr, s.std, s.var95, s.completion];
  assert.equal(
    pick(report.strategies.find((s) => s.name === 'mine')!),
    pick(report.strategies.find((s) => s.name === 'twap')!),
  );
});

test('quantities summing to half the order: the completion rule decides the rest (opportunity: completion 0.5; cleanup: a last block)', async () => {
  const strategies = [{ type: 'schedule', name: 'half', quantitiesShares: new Array(STEPS).fill(SHARES / STEPS / 2) }];
  const opportunity = await evaluate({
    ...base(),
    strategies,
    evaluation: { ...base().evaluation, completion: 'opportunity' },
  });
  const half = opportunity.strategies[0]!;
  assert.ok(Math.abs(half.completion - 0.5) < 1e-12, String(half.completion));
  assert.ok(half.attribution.opportunity.stderr > 0, 'the unexecuted half carries price risk to the horizon');
  const cleanup = (await evaluate({ ...base(), strategies })).strategies[0]!;
  assert.is(cleanup.attribution.opportunity.mean, 0, 'under cleanup nothing is left to mark to the final price');
  assert.ok(
    cleanup.attribution.temporary.mean > half.attribution.temporary.mean,
    'the last block pays temporary impact',
  );
});

test('an MLP given inline in the config and the same weights given from code (mlpPolicy) give the same bits; the zero network trades like TWAP', async () => {
  const config = {
    ...base(),
    strategies: [
      { type: 'twap' },
      { type: 'mlp', name: 'inline', network: zeroNetwork },
      { type: 'policy', name: 'code', file: 'zero' },
    ],
  };
  const report = await evaluate(config, { policies: { zero: mlpPolicy('zero', zeroNetwork) } });
  const by = (name: string) => report.strategies.find((s) => s.name === name)!;
  assert.is(by('inline').mean, by('code').mean);
  assert.is(by('inline').std, by('code').std);
  // the f32 logistic of the network's action makes the fraction 1/(steps left) to f32 rounding, not exactly
  assert.ok(
    Math.abs(by('inline').mean - by('twap').mean) < 1e-5 * Math.abs(by('twap').mean),
    `${by('inline').mean} vs ${by('twap').mean}`,
  );
});

test('bad custom strategies are named: both or neither of fractions and quantities, too many shares, a wrong weight count', () => {
  const bad = (strategy: unknown) => {
    try {
      parseEvaluationConfig({ ...base(), strategies: [strategy] });
    } catch (e) {
      return e as InputError;
    }
    throw new Error('accepted');
  };
  assert.match(
    bad({ type: 'schedule', fractions: [1, 1, 1, 1, 1], quantitiesShares: [1, 1, 1, 1, 1] }).message,
    /^strategies\.0: give fractions or quantitiesShares \(exactly one\)/,
  );
  assert.match(
    bad({ type: 'schedule', quantitiesShares: [SHARES, SHARES, 0, 0, 0] }).message,
    /^strategies\.0\.quantitiesShares: sum to 2000000, more than the order's 1000000 shares/,
  );
  assert.match(
    bad({ type: 'schedule', quantitiesShares: [1, 2] }).message,
    /^strategies\.0\.quantitiesShares: must have one value per step \(5\), got 2/,
  );
  const weights = bad({ type: 'mlp', network: { ...zeroNetwork, w1: [0] } });
  assert.is(weights.message, 'strategies.0.network.w1: must have 18 values (3 x 6), got 1');
  assert.is(weights.field, 'strategies.0.network.w1');
});

test('flowexec evaluate runs a config file with a quantities schedule and an inline MLP beside the built-ins', async () => {
  const dir = scratchDir();
  const file = writeJson(dir, 'custom.json', {
    ...base(),
    strategies: [
      { type: 'twap' },
      { type: 'vwap' },
      { type: 'schedule', name: 'front', quantitiesShares: [4e5, 3e5, 2e5, 1e5, 0] },
      { type: 'mlp', name: 'net', network: zeroNetwork },
    ],
  });
  const r = await flowexec(['evaluate', file, '--json', '--threads', '1']);
  assert.is(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { format: string; strategies: Array<{ name: string }> };
  assert.is(report.format, 'flowexec-evaluation');
  assert.equal(report.strategies.map((s) => s.name).sort(), ['front', 'net', 'twap', 'vwap']);
});

test.run();
