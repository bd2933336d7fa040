// A trained policy round-trips: train, save, evaluate with it beside the classics, same numbers after reloading.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrainConfig, evaluationConfigOf } from '../../src/learn/train-config.js';
import { trainFromConfig } from '../../src/learn/train.js';
import { HISTORY_FIELDS } from '../../src/learn/training-history.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { parsePolicyFile } from '../../src/strategies/policy-file.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { wasmExecutor } from '../support/workloads.js';
import { flowexec, scratchDir, writeJson, isCleanInputError } from '../support/cli.js';

const dir = scratchDir();
const ac = JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8'));
const trainConfig = {
  name: 'tiny',
  market: ac.market,
  order: ac.order,
  objective: { type: 'mean-variance', riskAversionPerCurrency: 1e-6 },
  ppo: { iterations: 2, envs: 64, minibatch: 128, seed: 9 },
  evaluation: { paths: 2000, seed: 1 },
};

test('train, save, evaluate beside the classics, reload: the same numbers', async () => {
  const config = parseTrainConfig(trainConfig);
  const trained = await trainFromConfig(config, await createNodeEngine(), { createdAt: 'test' });
  const file = join(dir, 'tiny.json');
  writeFileSync(file, JSON.stringify(trained.policy));
  const evaluation = evaluationConfigOf(config, [{ type: 'twap' }, { type: 'policy', file: 'tiny.json' }]);
  const executor = await wasmExecutor();
  const inMemory = await runEvaluation(evaluation, executor, { policies: new Map([['tiny.json', trained.policy]]) });
  const reloaded = await runEvaluation(evaluation, executor, {
    policies: new Map([['tiny.json', parsePolicyFile(JSON.parse(readFileSync(file, 'utf8')))]]),
  });
  const strip = (r: typeof inMemory) =>
    r.strategies.map(({ mean, std, var95, cvar95, completion }) => ({ mean, std, var95, cvar95, completion }));
  assert.equal(strip(reloaded), strip(inMemory));
  const policy = inMemory.strategies.find((s) => s.type === 'policy')!;
  assert.ok(policy.kind === 'closed-loop' && policy.completion > 0.999 && Number.isFinite(policy.mean));
  // the per-iteration history the dashboard draws: every logged quantity but the wall-clock steps/s
  const history = trained.policy.training.history as Record<string, number[]>;
  assert.equal(Object.keys(history), [...HISTORY_FIELDS]);
  for (const field of HISTORY_FIELDS)
    assert.equal(
      history[field],
      trained.history.map((l) => l[field]),
      field,
    );
  assert.equal(history.iteration, [1, 2]);
});

test('flowexec train prints one JSON line per iteration and writes the policy; evaluate runs it from the file', async () => {
  const cfg = writeJson(dir, 'train.json', trainConfig);
  const out = join(dir, 'cli-policy.json');
  const r = await flowexec(['train', 'ppo', cfg, '--out', out, '--json']);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.is(lines.length, 3);
  const heldOut = lines[2].heldOut;
  assert.is(heldOut.paths, 2000);
  assert.ok(heldOut.policyMinusTwap.ci95[0] <= heldOut.policyMinusTwap.mean && heldOut.bestAc.name.startsWith('ac('));
  // the wall-clock log beside the policy: the same lines, steps/s included
  const log = readFileSync(join(dir, 'cli-policy.log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(log, lines.slice(0, 2));
  assert.ok(log.every((l) => l.stepsPerSec > 0));
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).training.history.iteration, [1, 2]);
  for (const key of [
    'iteration',
    'envSteps',
    'meanCostBps',
    'objective',
    'policyLoss',
    'valueLoss',
    'entropy',
    'stepsPerSec',
  ])
    assert.ok(key in lines[0], key);
  // the shorthand { "policy": FILE } of the issue
  const evaluation = {
    ...ac,
    strategies: [{ type: 'twap' }, { policy: 'cli-policy.json' }],
    evaluation: { paths: 2000 },
  };
  const e1 = await flowexec(['evaluate', writeJson(dir, 'eval.json', evaluation), '--json', '--threads', '1']);
  const e2 = await flowexec(['evaluate', join(dir, 'eval.json'), '--json', '--threads', '2']);
  assert.is(e1.status, 0, e1.stderr);
  assert.equal(
    JSON.parse(e1.stdout).strategies.map((s: { mean: number }) => s.mean),
    JSON.parse(e2.stdout).strategies.map((s: { mean: number }) => s.mean),
  );
});

const good = () => JSON.parse(readFileSync(join(dir, 'cli-policy.json'), 'utf8'));
const BAD: Array<[string, () => unknown, RegExp]> = [
  [
    'a newer version',
    () => ({ ...good(), version: 2 }),
    /version 2 is not supported \(this flowexec reads version 1\)/,
  ],
  [
    'a weight matrix of the wrong shape',
    () => {
      const p = good();
      p.network.w1.pop();
      return p;
    },
    /network\.w1 must have 96 values \(16 x 6\), got 95/,
  ],
  [
    'a missing network',
    () => {
      const p = good();
      delete p.network;
      return p;
    },
    /network/,
  ],
  ['a file that is not a policy', () => ({ hello: 'world' }), /format/],
  [
    'a non-number weight',
    () => {
      const p = good();
      p.network.b1[0] = 'x';
      return p;
    },
    /network\.b1\.0: must be a number/,
  ],
];

for (const [what, make, mentions] of BAD) {
  test(`evaluating a policy file with ${what} exits 2 naming the problem`, async () => {
    writeJson(dir, 'bad-policy.json', make());
    const evaluation = { ...ac, strategies: [{ type: 'twap' }, { type: 'policy', file: 'bad-policy.json' }] };
    const problem = isCleanInputError(
      await flowexec(['evaluate', writeJson(dir, 'bad-eval.json', evaluation)]),
      mentions,
    );
    assert.is(problem, null, problem ?? '');
  });
}

test('train ppo takes an evaluation config (strategies, riskAversion, frontier) and ends with the held-out comparison', async () => {
  const cfg = writeJson(dir, 'eval-train.json', {
    ...ac,
    ppo: trainConfig.ppo,
    evaluation: { ...ac.evaluation, paths: 1000, seed: 1, frontier: [0, 50] },
  });
  const out = join(dir, 'eval-policy.json');
  const r = await flowexec(['train', 'ppo', cfg, '--out', out, '--threads', '1']);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /held-out comparison: 1,000 common paths of seed 1/);
  assert.match(r.stdout, /policy - TWAP: paired IS -?\d+\.\d+ 95% CI \[.*score -?\d+\.\d+ \(SE \d+\.\d+\)/);
  assert.match(r.stdout, /best AC \(lambda (0|50)\)/);
  const policy = JSON.parse(readFileSync(out, 'utf8'));
  assert.is(policy.trainedFor.riskAversion, 50);
  assert.is(policy.trainedFor.completion, 'cleanup');
});

test('a policy evaluated on another market warns naming the differences, and --strict refuses', async () => {
  const elsewhere = {
    ...ac,
    market: { ...ac.market, dailyVolume: 1e7 },
    strategies: [{ type: 'twap' }, { policy: 'eval-policy.json' }],
    evaluation: { paths: 1000 },
  };
  const cfg = writeJson(dir, 'elsewhere.json', elsewhere);
  const r = await flowexec(['evaluate', cfg, '--threads', '1', '--json']);
  assert.is(r.status, 0, r.stderr);
  assert.match(
    r.stderr,
    /warning: policy eval-policy\.json was trained for another setting: market\.dailyVolume: 5000000 in training, 10000000 here/,
  );
  assert.match(r.stderr, /from the policy's training: riskAversion 50, completion "cleanup"/);
  assert.is(JSON.parse(r.stdout).riskAversion, 50);
  const problem = isCleanInputError(
    await flowexec(['evaluate', cfg, '--strict']),
    /--strict: policy eval-policy\.json was trained for another setting: market\.dailyVolume/,
  );
  assert.is(problem, null, problem ?? '');
});

test('train ppo refuses the moved settings ppo.forceLiquidation and ppo.penaltyBps, pointing to evaluation.completion', async () => {
  const cfg = writeJson(dir, 'moved.json', { ...trainConfig, ppo: { ...trainConfig.ppo, forceLiquidation: false } });
  const problem = isCleanInputError(
    await flowexec(['train', 'ppo', cfg, '--out', join(dir, 'y.json')]),
    /ppo\.forceLiquidation: .*evaluation\.completion/,
  );
  assert.is(problem, null, problem ?? '');
});

test('train refuses a config whose training and evaluation seeds coincide', async () => {
  const cfg = writeJson(dir, 'same-seed.json', { ...trainConfig, ppo: { ...trainConfig.ppo, seed: 1 } });
  const problem = isCleanInputError(
    await flowexec(['train', 'ppo', cfg, '--out', join(dir, 'x.json')]),
    /ppo\.seed: must differ from evaluation\.seed/,
  );
  assert.is(problem, null, problem ?? '');
});

test.run();
