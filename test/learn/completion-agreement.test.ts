// Training and evaluation apply one completion rule: a trained policy's completion (within the cap) is the same in
// its training episodes and in `evaluate`; before, training lifted the cap at the last step and evaluation did not.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseTrainConfig, evaluationConfigOf } from '../../src/learn/train-config.js';
import { trainFromConfig } from '../../src/learn/train.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { wasmExecutor } from '../support/workloads.js';

const base = JSON.parse(readFileSync('examples/heston-execution.json', 'utf8'));
/** Completion differs between training and evaluation paths only by sampling: a few hundredths at most here. */
const COMPLETION_TOLERANCE = 0.02;

for (const completion of ['cleanup', 'opportunity'] as const) {
  test(`a trained policy completes the same fraction in training and in evaluation (rule ${completion})`, async () => {
    const config = parseTrainConfig({
      name: 'capped',
      market: { ...base.market, dailyVolume: 3.6e6 },
      order: {
        side: 'buy',
        shares: 3e5,
        horizonMinutes: 120,
        stepMinutes: 5,
        startMinute: 120,
        participationCap: 0.25,
      },
      strategies: [{ type: 'twap' }],
      evaluation: { paths: 2000, seed: 11, riskAversion: 1, completion },
      ppo: { iterations: 2, envs: 64, minibatch: 256, seed: 3 },
    });
    const trained = await trainFromConfig(config, await createNodeEngine(), { createdAt: 'test' });
    const trainingCompletion = trained.history.at(-1)!.completion;
    const r = await runEvaluation(
      evaluationConfigOf(config, [{ type: 'policy', file: 'p.json' }]),
      await wasmExecutor(),
      { policies: new Map([['p.json', trained.policy]]) },
    );
    const evaluated = r.strategies[0]!.completion;
    assert.ok(trainingCompletion < 0.95, `the cap binds (training completion ${trainingCompletion})`);
    assert.ok(
      Math.abs(trainingCompletion - evaluated) < COMPLETION_TOLERANCE,
      `training ${trainingCompletion} vs evaluation ${evaluated}`,
    );
    assert.is(trained.policy.trainedFor.completion, completion);
  });
}

test.run();
