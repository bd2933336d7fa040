// Fan-out to an edge instance: the API bundled for workerd answers POST /v1/shards, and an evaluation spread over it
// and a Node instance merges to the local result bit for bit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundle, startWorkerd, type Server } from '../runtime/support.js';
import { startNodeServer, type RunningServer } from '../../src/runtime/node-server.js';
import { FanOutExecutor } from '../../src/runtime/fan-out-executor.js';
import { scratchDir } from '../support/cli.js';
import { evaluate, statistics, localEvaluation } from './support.js';

let edge: Server, node: RunningServer;

test.before(async () => {
  bundle(['workerd']);
  [edge, node] = await Promise.all([
    startWorkerd(),
    startNodeServer({ port: 0, host: '127.0.0.1', dataDir: scratchDir(), threads: 1, env: {} }),
  ]);
});
test.after(async () => {
  await Promise.all([edge?.stop(), node?.close()]);
});

test('an evaluation fanned out over a workerd instance and a Node instance equals the local run bit for bit', async () => {
  const executor = new FanOutExecutor([edge.url, node.url]);
  assert.is(statistics(await evaluate(executor)), await localEvaluation());
});

test.run();
