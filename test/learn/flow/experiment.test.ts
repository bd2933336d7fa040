// flowexec experiment flowoe --quick and train flowoe through the CLI: what CI asserts of the first FlowOE slice.
// test-timeout-s: 600
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flowexec, isCleanInputError, scratchDir, writeJson } from '../../support/cli.js';
import { formatRegimeTables } from '../../../src/cli/flowoe-report.js';
import type { RegimeTable } from '../../../src/learn/flow/flowoe.js';
import { policyFileOf, parsePolicyFile, isFlowPolicy } from '../../../src/strategies/policy-file.js';

function parseFlowPolicy(input: unknown) {
  const p = parsePolicyFile(input);
  if (!isFlowPolicy(p)) throw new Error('not a flow policy');
  return p;
}
import { OBSERVATION_FEATURES } from '../../../src/engine/env-layout.js';

/** Monte Carlo comparisons: 3 standard errors. */
const K_SE = 3;

test('experiment flowoe --quick: losses finite and falling, every policy completes every order, the flow beats TWAP and VWAP in every regime, the refining ablation is reported', async () => {
  const r = await flowexec(['experiment', 'flowoe', '--quick', '--json']);
  assert.is(r.status, 0, r.stderr);
  for (const phase of ['experts HH', 'demonstrations:', 'flow ', 'refine round 3/3', 'judged LL'])
    assert.ok(r.stderr.includes(phase), `progress line for ${phase}`);
  const lines = r.stdout.trim().split('\n');
  const s = JSON.parse(lines[lines.length - 1]!) as {
    tables: RegimeTable[];
    regimesBeatingEveryExpert: number;
    refiningLossGainPct: number;
    refineRounds: Array<{ losses: number[] }>;
    losses: number[];
  };
  assert.ok(Number.isFinite(s.refiningLossGainPct), `refiningLossGainPct ${s.refiningLossGainPct}`);
  assert.ok(
    s.refineRounds.length === 3 && s.refineRounds.every((r) => r.losses.every(Number.isFinite)),
    'finite refining losses',
  );
  assert.equal(
    s.tables.map((t) => t.regime),
    ['HH', 'HL', 'LH', 'LL'],
  );
  assert.ok(
    Number.isInteger(s.regimesBeatingEveryExpert) &&
      s.regimesBeatingEveryExpert >= 0 &&
      s.regimesBeatingEveryExpert <= 4,
  );
  assert.ok(s.losses.length >= 10 && s.losses.every(Number.isFinite), 'finite losses');
  const head = (s.losses[0]! + s.losses[1]! + s.losses[2]!) / 3,
    tail = s.losses.slice(-3).reduce((a, b) => a + b, 0) / 3;
  assert.ok(tail < 0.5 * head, `loss ${head} -> ${tail}`);
  for (const t of s.tables) {
    const row = (name: string) => t.rows.find((x) => x.policy === name)!;
    const flow = row('flowoe');
    assert.ok(t.minCompletion >= 1 - 1e-9, `${t.regime}: completion ${t.minCompletion}`);
    for (const r of t.rows) assert.ok(r.completion >= 1 - 1e-9, `${t.regime} ${r.policy}: completion ${r.completion}`);
    // the ablation: refined - imitation is the difference of the two rows' means on the same paths
    const imitation = row('flowoe-imitation').objective.mean;
    assert.ok(
      t.refinedMinusImitation !== undefined &&
        Math.abs(t.refinedMinusImitation.mean - (flow.objective.mean - imitation)) < 1e-9 * imitation,
    );
    for (const naive of ['twap', 'vwap']) {
      const other = row(naive).objective;
      assert.ok(
        flow.objective.mean + K_SE * flow.objective.stderr < other.mean - K_SE * other.stderr,
        `${t.regime}: flow ${flow.objective.mean} vs ${naive} ${other.mean}`,
      );
    }
    // pure imitation lands near the ensemble's best (within 10%), not at a naive schedule
    const best = row(t.bestExpert).objective.mean;
    assert.ok(flow.objective.mean < 1.1 * best, `${t.regime}: flow ${flow.objective.mean} vs best expert ${best}`);
    // the paired difference is the difference of the rows' means on the same paths
    assert.ok(Math.abs(t.flowMinusBest.mean - (flow.objective.mean - best)) < 1e-9 * Math.max(1, best));
  }
});

test('the human report has one table per regime and the paired difference to the best expert', () => {
  const summary = (mean: number) => ({ mean, stderr: 0.1, ci95: [mean - 0.2, mean + 0.2] as [number, number] });
  const row = (policy: string, mean: number) => ({
    policy,
    objective: summary(mean),
    meanIsBps: mean / 2,
    stdIsBps: 3,
    completion: 1,
  });
  const table = (regime: string): RegimeTable => ({
    regime,
    rows: [row('twap', 70), row('ac-400', 60), row('flowoe', 59)],
    bestExpert: 'ac-400',
    flowMinusBest: { ...summary(-1), pValue: 0.001 },
    beatsEveryExpert: true,
    minCompletion: 1,
  });
  const lines = formatRegimeTables([table('HH'), table('LL')], 4096);
  assert.is(lines.filter((l) => l.startsWith('regime ')).length, 2);
  assert.ok(
    lines.some((l) => l.includes('flowoe - best expert (ac-400), paired: -1.000') && l.includes('beats every expert')),
  );
});

test('train flowoe: a bad config or a bad regime file exits 2 with one line naming the field', async () => {
  const dir = scratchDir();
  const cases: Array<[unknown, RegExp]> = [
    [{ regimes: ['HH.json'], flow: { eulerSteps: 0 } }, /flow\.eulerSteps/],
    [{ regimes: ['missing.json'] }, /regimes\.0 file not found/],
    [{ regimes: [{ name: 'x', config: { market: {} } }] }, /regimes\.0\.config\.market/],
    [{ regimes: ['HH.json'], demonstrations: { labels: 'top' } }, /demonstrations\.labels/],
  ];
  writeJson(
    dir,
    'HH.json',
    JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('examples/regimes/HH.json', 'utf8'))),
  );
  for (const [config, mentions] of cases) {
    const r = await flowexec(['train', 'flowoe', writeJson(dir, 'flowoe.json', config), '--out', `${dir}/p.json`]);
    const problem = isCleanInputError(r, mentions);
    assert.is(problem, null, problem ?? '');
  }
});

test('train flowoe writes a valid flow policy file; regime files resolve against the config; --iterations overrides', async () => {
  const dir = scratchDir();
  const { readFileSync } = await import('node:fs');
  for (const name of ['HH', 'LL'])
    writeJson(dir, `${name}.json`, readFileSync(`examples/regimes/${name}.json`, 'utf8'));
  const h = 4,
    F = OBSERVATION_FEATURES,
    wave = (n: number, k: number) => Array.from({ length: n }, (_, i) => 0.3 * Math.sin(1.7 * i + k));
  writeJson(
    dir,
    'net.json',
    policyFileOf(
      'net',
      {
        actionScale: 20,
        inputs: F,
        hidden: [h, h],
        obsMean: new Array(F).fill(0),
        obsStd: new Array(F).fill(1),
        w1: wave(h * F, 1),
        b1: wave(h, 2),
        w2: wave(h * h, 3),
        b2: wave(h, 4),
        w3: wave(h, 5),
        b3: [0],
      },
      -1,
      {},
      {},
      'test',
    ),
  );
  const config = writeJson(dir, 'flowoe.json', {
    regimes: ['HH.json', 'LL.json'],
    experts: { acGrid: [400], policies: [{ regime: 'LL', name: 'net-LL', policy: 'net.json' }] },
    demonstrations: { paths: 32 },
    flow: { hidden: [8, 8], iterations: 1000, batch: 128, eulerSteps: 2 },
  });
  const r = await flowexec(['train', 'flowoe', config, '--out', `${dir}/policy.json`, '--iterations', '5']);
  assert.is(r.status, 0, r.stderr);
  const policy = parseFlowPolicy(JSON.parse(readFileSync(`${dir}/policy.json`, 'utf8')));
  assert.is((policy.training.flow as { iterations: number }).iterations, 5);
  assert.equal(
    (policy.trainedFor.regimes as Array<{ name: string }>).map((x) => x.name),
    ['HH', 'LL'],
  );
  assert.is(policy.network.eulerSteps, 2);
  assert.equal((policy.training.experts as { policies: unknown }).policies, [{ regime: 'LL', name: 'net-LL' }]);
  assert.match(r.stderr, 'experts LL: 5 experts'); // TWAP, VWAP, AC 400, adaptive AC, the network
});

test.run();
