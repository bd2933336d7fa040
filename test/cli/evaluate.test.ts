// flowexec evaluate: every example reports the classic strategies with CIs; bad configs exit 2 naming the field
// and leave --out untouched.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { flowexec, scratchDir, writeJson, isCleanInputError } from '../support/cli.js';

const dir = scratchDir();
const base = JSON.parse(readFileSync('examples/heston-execution.json', 'utf8'));
const config = (patch: (c: any) => void) => {
  const c = structuredClone(base);
  patch(c);
  return c;
};

for (const example of readdirSync('examples').filter((f) => f.endsWith('.json'))) {
  test(`examples/${example} evaluates and reports TWAP, VWAP, POV and Almgren-Chriss with confidence intervals`, async () => {
    const out = join(dir, `${example}.csv`);
    const r = await flowexec([
      'evaluate',
      `examples/${example}`,
      '--paths',
      '2000',
      '--threads',
      '1',
      '--json',
      '--out',
      out,
    ]);
    assert.is(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    for (const type of ['twap', 'vwap', 'pov', 'almgren-chriss']) {
      const s = result.strategies.find((x: { type: string }) => x.type === type);
      assert.ok(s, `no ${type}`);
      assert.ok(s.ci95[0] < s.mean && s.mean < s.ci95[1] && s.stderr > 0, `${type} CI`);
    }
    assert.is(result.ranking.length, result.strategies.length);
    const csv = readFileSync(out, 'utf8').trim().split('\n\n');
    assert.is(csv[0]!.split('\n').length, result.strategies.length + 1);
    assert.match(csv[1]!, /^paired_strategy,versus,mean_diff_bps/);
    assert.match(csv.at(-1)!, /^provenance_key,value\nflowexec_version,\d+\.\d+\.\d+\nwasm_sha256,[0-9a-f]{64}/);
    // results describe themselves: the resolved config (defaults filled in), seed, paths, version, wasm build
    const p = result.provenance;
    assert.is(p.paths, 2000);
    assert.is(p.config.evaluation.paths, 2000);
    assert.ok(
      p.config.evaluation.completion && p.config.evaluation.seed === result.seed && p.config.market.volumeCurve,
    );
    assert.match(p.wasmSha256, /^[0-9a-f]{64}$/);
  });
}

const BAD: Array<[string, unknown, RegExp]> = [
  [
    'negative shares',
    config((c) => {
      c.order.shares = -100;
    }),
    /order\.shares: must be > 0/,
  ],
  [
    'an unknown strategy',
    config((c) => {
      c.strategies.push({ type: 'iceberg' });
    }),
    /strategies\.5(\.type)?: strategy\.type must be one of/,
  ],
  [
    'a missing market',
    config((c) => {
      delete c.market;
    }),
    /^flowexec: market: must be an object \(missing\)/,
  ],
  [
    'a string for a number',
    config((c) => {
      c.order.shares = '1e6';
    }),
    /order\.shares: must be a number/,
  ],
  [
    'a horizon shorter than one step',
    config((c) => {
      c.order.horizonMinutes = 0.5;
    }),
    /order\.horizonMinutes: the horizon \(0\.5 min\) is shorter than one step/,
  ],
  [
    'an unknown key',
    config((c) => {
      c.order.urgency = 'high';
    }),
    /order: unknown key "urgency"/,
  ],
  [
    'both horizons',
    config((c) => {
      c.order.horizonDays = 1;
    }),
    /exactly one of horizonMinutes and horizonDays/,
  ],
  [
    'a participation cap above 1',
    config((c) => {
      c.order.participationCap = 1.5;
    }),
    /order\.participationCap: must be in \(0, 1\]/,
  ],
  [
    'an impact exponent above 2',
    config((c) => {
      c.market.impact.temporary.beta = 2.5;
    }),
    /market\.impact\.temporary\.beta: must be in \(0, 2\]/,
  ],
  [
    'a POV rate of 0',
    config((c) => {
      c.strategies[2].rate = 0;
    }),
    /strategies\.2\.rate: must be in \(0, 1\]/,
  ],
  [
    'rho outside [-1, 1]',
    config((c) => {
      c.market.model.rho = -1.2;
    }),
    /market\.model\.rho: must be in \[-1, 1\]/,
  ],
  [
    'no temporary impact beside a frontier',
    config((c) => {
      c.market.impact.temporary.eta = 0;
      c.strategies = [{ type: 'twap' }];
    }),
    /evaluation\.frontier\.1: Almgren-Chriss needs temporary impact above half the permanent/,
  ],
  [
    'no temporary impact beside an AC strategy',
    config((c) => {
      c.market.impact.temporary.eta = 0;
    }),
    /strategies\.3: Almgren-Chriss needs temporary impact/,
  ],
  [
    'an order past the close',
    config((c) => {
      c.order.startMinute = 300;
      c.order.horizonMinutes = 120;
    }),
    /order\.startMinute: the order runs past the close/,
  ],
  [
    'steps that do not divide the horizon',
    config((c) => {
      c.order.stepMinutes = 7;
    }),
    /order\.stepMinutes: steps of 7 min do not divide the horizon \(390 min\)/,
  ],
  [
    'a nested typo',
    config((c) => {
      c.market.impact.spread = { halfSpreadBp: 1 };
    }),
    /market\.impact\.spread: unknown key "halfSpreadBp" \(did you mean "halfSpreadBps"\?\)/,
  ],
  [
    'a typo in a strategy',
    config((c) => {
      c.strategies[2] = { type: 'pov', rat: 0.1 };
    }),
    /strategies\.2: unknown key "rat" \(did you mean "rate"\?\)/,
  ],
  [
    'two strategies of one name',
    config((c) => {
      c.strategies.push({ type: 'twap' });
    }),
    /strategies\.5: duplicate strategy name "twap" \(same as strategies\.0; set "name"\)/,
  ],
  [
    'a penalty without the penalty rule',
    config((c) => {
      c.evaluation.penaltyBpsPerShare = 10;
    }),
    /evaluation\.penaltyBpsPerShare: only used with completion "penalty"/,
  ],
  [
    'the penalty rule without a penalty',
    config((c) => {
      c.evaluation.completion = 'penalty';
    }),
    /evaluation\.penaltyBpsPerShare: required with completion "penalty"/,
  ],
];

test('a workload given to evaluate, and a config given to run, say which command they belong to', async () => {
  let problem = isCleanInputError(
    await flowexec(['evaluate', 'src/workloads/heston-execution.json']),
    /is a workload, for `flowexec run src\/workloads\/heston-execution\.json`/,
  );
  assert.is(problem, null, problem ?? '');
  problem = isCleanInputError(
    await flowexec(['run', 'examples/heston-execution.json']),
    /is an evaluation config, for `flowexec evaluate examples\/heston-execution\.json`/,
  );
  assert.is(problem, null, problem ?? '');
  problem = isCleanInputError(
    await flowexec(['evaluate', 'examples/training/ppo-almgren-chriss.json']),
    /is a training config \(it has a "ppo" section\), for `flowexec train ppo/,
  );
  assert.is(problem, null, problem ?? '');
});

test("flowexec --version prints the version and the wasm build's hash", async () => {
  const r = await flowexec(['--version']);
  assert.is(r.status, 0);
  assert.match(r.stdout, /^flowexec \d+\.\d+\.\d+ \(wasm sha256 [0-9a-f]{64}\)\n$/);
});

test("--schedules adds each static strategy's trade and inventory per step, to the JSON, the table and the CSV", async () => {
  const out = join(dir, 'schedules.csv');
  const r = await flowexec([
    'evaluate',
    'examples/almgren-chriss.json',
    '--paths',
    '1000',
    '--threads',
    '1',
    '--schedules',
    '--out',
    out,
  ]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /schedules: expected trade and inventory after each step/);
  assert.match(
    readFileSync(out, 'utf8'),
    /\nschedule_step,twap trade_shares,twap inventory_shares,.*\n1,200000,800000,/,
  );
  const j = JSON.parse(
    (
      await flowexec([
        'evaluate',
        'examples/almgren-chriss.json',
        '--paths',
        '1000',
        '--threads',
        '1',
        '--schedules',
        '--json',
      ])
    ).stdout,
  );
  const twap = j.schedules.find((x: { name: string }) => x.name === 'twap');
  assert.equal(twap.tradeShares, [200000, 200000, 200000, 200000, 200000]);
  assert.equal(twap.inventoryShares, [800000, 600000, 400000, 200000, 0]);
  assert.is(j.schedules.find((x: { kind: string }) => x.kind === 'closed-loop').tradeShares, null);
});

test('almgren-chriss without a risk aversion echoes the default of 1 in its name and in the resolved config', async () => {
  const r = await flowexec([
    'evaluate',
    writeJson(
      dir,
      'ac-default.json',
      config((c) => {
        c.strategies = [{ type: 'almgren-chriss' }];
        delete c.evaluation.frontier;
        c.evaluation.paths = 1000;
      }),
    ),
    '--json',
    '--threads',
    '1',
  ]);
  assert.is(r.status, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).strategies[0].name, 'almgren-chriss(lambda=1)');
});

for (const [what, bad, mentions] of BAD) {
  test(`a config with ${what} exits 2 naming the field, and --out is not touched`, async () => {
    const out = join(dir, 'kept.json');
    writeFileSync(out, '{"previous": true}\n');
    const r = await flowexec(['evaluate', writeJson(dir, 'bad.json', bad), '--out', out]);
    const problem = isCleanInputError(r, mentions);
    assert.is(problem, null, problem ?? '');
    assert.is(readFileSync(out, 'utf8'), '{"previous": true}\n');
    assert.not.ok(
      readdirSync(dir).some((f) => f.includes('.tmp-')),
      'a temporary file was left behind',
    );
  });
}

test('an --out path with an unknown extension or a missing folder is refused before any work', async () => {
  for (const [out, mentions] of [
    ['report.txt', /--out must end in \.json or \.csv/],
    ['/no/such/dir/r.json', /--out: folder does not exist/],
  ] as const) {
    const problem = isCleanInputError(
      await flowexec(['evaluate', 'examples/almgren-chriss.json', '--out', out]),
      mentions,
    );
    assert.is(problem, null, problem ?? '');
  }
  assert.not.ok(existsSync('report.txt'));
});

test.run();
