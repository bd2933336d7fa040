// A flow policy file ("type": "flow") wherever a PPO policy file goes: `flowexec evaluate` runs it from a file, the HTTP
// API inline; a malformed flow file exits 2 with one line naming the field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { flowexec, isCleanInputError, scratchDir, writeJson } from '../support/cli.js';
import { testApp, post } from '../api/support.js';
import { OBSERVATION_NAMES } from '../../src/engine/env-layout.js';
import { FLOW_INPUTS } from '../../src/engine/flow-layout.js';

const wave = (n: number, k: number, scale = 0.3) => Array.from({ length: n }, (_, i) => scale * Math.sin(1.7 * i + k));
const h = 8;
/** A small flow network with deterministic weights (u near 0: close to TWAP's rate). */
const network = {
  inputs: FLOW_INPUTS,
  hidden: [h, h],
  activation: 'relu',
  observation: [...OBSERVATION_NAMES],
  obsMean: [0.5, 0.5, 1, 0, 1, 0],
  obsStd: [0.3, 0.3, 0.5, 1, 0.5, 1],
  actionMean: 0.1,
  actionStd: 0.5,
  layers: [
    { w: wave(h * FLOW_INPUTS, 1), b: wave(h, 2) },
    { w: wave(h * h, 3), b: wave(h, 4) },
    { w: wave(h, 5), b: [0] },
  ],
  actionScale: 10,
  eulerSteps: 4,
};
const flowFile = {
  format: 'flowexec-policy',
  version: 1,
  type: 'flow',
  name: 'probe-flow',
  createdAt: 'test',
  network,
  trainedFor: {},
  training: {},
};

const dir = scratchDir();
const config = JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8'));
config.evaluation.paths = 2000;
config.strategies = [{ type: 'twap' }, { type: 'policy', file: 'flow.json', name: 'flow' }];

test('flowexec evaluate runs a flow policy file beside TWAP: it completes the order and gets a finite cost', async () => {
  writeJson(dir, 'flow.json', flowFile);
  const r = await flowexec(['evaluate', writeJson(dir, 'config.json', config), '--json']);
  assert.is(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  const flow = report.strategies.find((s: { name: string }) => s.name === 'flow');
  assert.ok(flow && flow.kind === 'closed-loop', 'the flow is a closed-loop strategy');
  assert.ok(flow.completion > 0.999 && Number.isFinite(flow.mean), `completion ${flow.completion} mean ${flow.mean}`);
});

test('a malformed flow policy file exits 2 with one line naming the field', async () => {
  const cases: Array<[(p: any) => void, RegExp]> = [
    [(p) => p.network.layers[1].b.pop(), /network\.layers\.1\.b must have 8 values/],
    [(p) => (p.network.eulerSteps = 0), /network\.eulerSteps/],
    [(p) => (p.network.noise = 'loud'), /network\.noise/],
    [(p) => (p.type = 'ppo'), /type must be "mlp" or "flow"/],
    [(p) => delete p.network.actionStd, /network\.actionStd/],
  ];
  for (const [edit, mentions] of cases) {
    const p = JSON.parse(JSON.stringify(flowFile));
    edit(p);
    writeJson(dir, 'flow.json', p);
    const r = await flowexec(['evaluate', writeJson(dir, 'config.json', config)]);
    const problem = isCleanInputError(r, mentions);
    assert.is(problem, null, problem ?? '');
  }
});

test('the HTTP API takes a flow policy inline ({ "type": "flow", "network": ... }) and names a bad field', async () => {
  const t = await testApp();
  try {
    const body = { ...config, strategies: [{ type: 'twap' }, { type: 'flow', name: 'flow', network }] };
    const res = await t.app.request('/v1/simulations', post(body));
    const got = (await res.json()) as any;
    assert.is(res.status, 200, JSON.stringify(got));
    const flow = got.strategies.find((s: { name: string }) => s.name === 'flow');
    assert.ok(flow.completion > 0.999 && Number.isFinite(flow.mean));
    const broken = JSON.parse(JSON.stringify(body));
    broken.strategies[1].network.layers[0].w.pop();
    const bad = await t.app.request('/v1/simulations', post(broken));
    const error = ((await bad.json()) as any).error;
    assert.is(bad.status, 422);
    assert.is(error.field, 'strategies.1.network.layers.0.w', error.message);
  } finally {
    await t.close();
  }
});

test.run();
