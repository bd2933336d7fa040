// flowexec recommend --policy FILE: trained MLP policies (PPO, MAP-Elites specialists) are candidates beside the
// classics on the same common paths; broken files (a flow policy without its network too) exit 2 naming the file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { flowexec, scratchDir, writeJson, isCleanInputError } from '../support/cli.js';
import { policyFileOf } from '../../src/strategies/policy-file.js';
import { OBSERVATION_FEATURES } from '../../src/engine/env-layout.js';
import { specialistFileName } from '../../src/cli/specialists.js';

const dir = scratchDir();
const F = OBSERVATION_FEATURES,
  H = 4;
/** All-zero weights: mu = 0, which the action mapping turns into TWAP's rate (1 / steps left of what is left). */
const twapLike = policyFileOf(
  'twap-like',
  {
    actionScale: 10,
    inputs: F,
    hidden: [H, H],
    obsMean: new Array(F).fill(0),
    obsStd: new Array(F).fill(1),
    w1: new Array(H * F).fill(0),
    b1: new Array(H).fill(0),
    w2: new Array(H * H).fill(0),
    b2: new Array(H).fill(0),
    w3: new Array(H).fill(0),
    b3: [0],
  },
  -1,
  {},
  { algorithm: 'test' },
  'test',
);
const policy = writeJson(dir, 'twap-like.json', twapLike);
const RECOMMEND = [
  'recommend',
  '--data',
  'data/lean-2013-10/minute_trade.csv',
  '--symbol',
  'SPY',
  '--order',
  'examples/real-markets/order-spy.json',
  '--paths',
  '2000',
  '--threads',
  '1',
  '--no-history',
];

test('a policy file is ranked beside the classics on common paths, and a TWAP-like network costs what TWAP costs', async () => {
  const r = await flowexec([...RECOMMEND, '--policy', policy, '--json']);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.is(out.alternatives.length, 10, 'the 9 classics and the policy');
  const learned = out.alternatives.find((a: { strategy: string }) => a.strategy === 'policy:twap-like.json');
  const twap = out.alternatives.find((a: { strategy: string }) => a.strategy === 'twap');
  assert.ok(learned && twap);
  // the same trades on the same paths: equal up to the closed loop's float32 network and its rounding of fractions
  const se = (a: { ci95: [number, number] }) => (a.ci95[1] - a.ci95[0]) / (2 * 1.96);
  assert.ok(Math.abs(learned.meanBps - twap.meanBps) < (3 * se(twap)) / 10, `${learned.meanBps} vs ${twap.meanBps}`);
});

test('--specialists DIR routes by the detected cell: its specialist joins the candidates', async () => {
  const folder = join(dir, 'specialists');
  const cells = ['low', 'mid', 'high'].flatMap((v) => ['low', 'mid', 'high'].map((l) => `vol-${v}/liq-${l}`));
  mkdirSync(folder);
  for (const cell of cells) writeJson(folder, specialistFileName(cell), { ...twapLike, name: cell });
  writeJson(folder, 'specialists.json', {
    format: 'flowexec-specialists',
    version: 1,
    cells: Object.fromEntries(cells.map((c) => [c, specialistFileName(c)])),
  });
  const r = await flowexec([...RECOMMEND, '--specialists', folder, '--json']);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(cells.includes(out.grid), out.grid);
  assert.equal(out.specialist, { cell: out.grid, file: join(folder, specialistFileName(out.grid)) });
  assert.ok(out.alternatives.some((a: { strategy: string }) => a.strategy === `specialist:${out.grid}`));
  assert.is(out.alternatives.length, 10);
  const bad = writeJson(dir, 'specialists.json', { format: 'x' });
  assert.is(isCleanInputError(await flowexec([...RECOMMEND, '--specialists', dir]), /specialists\.json.*format/), null);
  void bad;
});

test('a flow policy without its network, a missing file and a malformed policy each exit 2 naming it', async () => {
  const flow = writeJson(dir, 'flow.json', { format: 'flowexec-policy', version: 1, type: 'flow', network: {} });
  assert.is(
    isCleanInputError(await flowexec([...RECOMMEND, '--policy', flow]), /flow\.json: name: must be a string/),
    null,
  );
  assert.is(isCleanInputError(await flowexec([...RECOMMEND, '--policy', join(dir, 'none.json')]), /none\.json/), null);
  const broken = writeJson(dir, 'broken.json', { ...twapLike, network: { ...twapLike.network, w3: [1] } });
  assert.is(isCleanInputError(await flowexec([...RECOMMEND, '--policy', broken]), /w3/), null);
});

test.run();
