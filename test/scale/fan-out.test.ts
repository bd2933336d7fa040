// Fan-out without Redis: shards spread over two API instances (POST /v1/shards) merge to the local result bit for
// bit, a dead instance in the list costs retries, not the run; a refusal is one clear line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startNodeServer, type RunningServer } from '../../src/runtime/node-server.js';
import { FanOutExecutor } from '../../src/runtime/fan-out-executor.js';
import { InputError } from '../../src/errors/input-error.js';
import { flowexec, scratchDir } from '../support/cli.js';
import { freePort } from '../support/redis.js';
import { evaluate, workloadRun, statistics, localEvaluation, localWorkload } from './support.js';

const EXAMPLE = new URL('../../examples/almgren-chriss.json', import.meta.url).pathname;
const servers: RunningServer[] = [];
const start = (env: Record<string, string> = {}) =>
  startNodeServer({ port: 0, host: '127.0.0.1', dataDir: scratchDir(), threads: 1, env });

test.before(async () => {
  servers.push(await start(), await start());
});
test.after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

test('an evaluation with a frontier fanned out over two API instances equals the local run bit for bit', async () => {
  const executor = new FanOutExecutor(servers.map((s) => s.url));
  assert.is(statistics(await evaluate(executor)), await localEvaluation());
});

test('a dead instance in the list: its shards are retried on the live ones and the result is unchanged', async () => {
  const lines: string[] = [];
  const dead = `http://127.0.0.1:${await freePort()}`;
  const executor = new FanOutExecutor([dead, ...servers.map((s) => s.url)], { log: (line) => lines.push(line) });
  assert.is(statistics(await workloadRun(executor, 30_000, 3)), await localWorkload(30_000, 3));
  assert.ok(
    lines.some((l) => l.includes(dead) && /ECONNREFUSED/.test(l)),
    lines.join('\n'),
  );
});

test('an instance that refuses the shard (over its work limit) fails the run with a clear message, no retries', async () => {
  const strict = await start({ FLOWEXEC_MAX_SHARD_PATH_STEPS: '1000' });
  servers.push(strict);
  const executor = new FanOutExecutor([strict.url]);
  try {
    await workloadRun(executor, 3_000, 3);
    assert.unreachable('the run should fail');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /refused a shard: chunks: .* more than this server's limit/);
  }
});

test('flowexec evaluate --fan-out prints the same statistics as a local run', async () => {
  const urls = servers
    .slice(0, 2)
    .map((s) => s.url)
    .join(',');
  const [remote, local] = await Promise.all([
    flowexec(['evaluate', EXAMPLE, '--paths', '30000', '--json', '--fan-out', urls]),
    flowexec(['evaluate', EXAMPLE, '--paths', '30000', '--json', '--threads', '1']),
  ]);
  assert.is(remote.status, 0, remote.stderr);
  assert.is(statistics(JSON.parse(remote.stdout)), statistics(JSON.parse(local.stdout)));
});

test.run();
