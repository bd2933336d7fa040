// Scale-out on Redis + BullMQ end to end: a real redis-server, `flowexec worker` processes, this process as the
// coordinator. The merged result must equal a local run bit for bit with 1 and 3 workers, when a worker is killed
// mid-shard, and when Redis is stopped and restarted mid-run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Queue } from 'bullmq';
import { QueueExecutor } from '../../src/runtime/queue-executor.js';
import { parseRedisUrl, QUEUE_NAME } from '../../src/runtime/redis-connection.js';
import { startRedis, startWorker, type TestRedis, type TestWorker } from '../support/redis.js';
import { waitFor, sleep } from '../support/wait.js';
import { evaluate, workloadRun, statistics, localEvaluation, localWorkload } from './support.js';

let redis: TestRedis;
const workers: TestWorker[] = [];

test.before(async () => {
  redis = await startRedis();
});
test.after(async () => {
  await Promise.all(workers.map((w) => w.kill('SIGKILL')));
  await redis.stop();
});

async function coordinator(log: string[] = []): Promise<QueueExecutor> {
  return QueueExecutor.open(parseRedisUrl(redis.url), { reconcileMs: 500, log: (line) => log.push(line) });
}

const watch = () => new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });

test('an evaluation with a frontier on one worker equals the local run bit for bit', async () => {
  workers.push(await startWorker(redis.url));
  const executor = await coordinator();
  try {
    assert.is(statistics(await evaluate(executor)), await localEvaluation());
  } finally {
    await executor.close();
  }
});

test('a worker killed with SIGKILL mid-shard leaves a stalled job that another worker re-runs; the result is unchanged', async () => {
  const [victim] = workers.splice(0, 1) as [TestWorker];
  const queue = watch();
  const executor = await coordinator();
  try {
    const run = workloadRun(executor, 60_000, 20); // 3 shards of 20,000 paths x 252 steps, one at a time on one worker
    await waitFor('the worker to hold a shard', async () => (await queue.getActiveCount()) > 0, 60_000);
    const held = (await queue.getActive())[0]!.id;
    await victim.kill('SIGKILL');
    assert.ok(
      !(await queue.getCompleted()).some((j) => j.id === held),
      'the killed worker finished its shard before it died: not a mid-shard kill',
    );
    workers.push(await startWorker(redis.url));
    assert.is(statistics(await run), await localWorkload(60_000, 20));
  } finally {
    await executor.close();
    await queue.close();
  }
});

test('a workload run in 15 shards on three workers equals the local run bit for bit', async () => {
  workers.push(...(await Promise.all([startWorker(redis.url), startWorker(redis.url)])));
  const queue = watch();
  const executor = await coordinator();
  try {
    assert.is(await queue.getWorkersCount(), 3);
    assert.is(statistics(await workloadRun(executor, 30_000, 2)), await localWorkload(30_000, 2));
  } finally {
    await executor.close();
    await queue.close();
  }
});

test('Redis stopped and restarted mid-run: workers reconnect, lost jobs are sent again, the result is unchanged', async () => {
  const log: string[] = [];
  const executor = await coordinator(log);
  let merged = 0;
  try {
    const run = workloadRun(executor, 30_000, 2, (done) => {
      merged = done;
    }); // 15 shards over three workers
    await waitFor('a first shard merged', () => merged > 0, 60_000);
    await redis.stop();
    await sleep(1500);
    await redis.start(); // empty: every job it held is gone
    assert.is(statistics(await run), await localWorkload(30_000, 2));
    assert.ok(
      log.some((l) => /lost Redis/.test(l)) && log.some((l) => /reconnected/.test(l)),
      `coordinator log: ${log.join(' | ')}`,
    );
    await waitFor(
      'every worker to report its reconnection',
      () => workers.every((w) => /reconnected to Redis/.test(w.output())),
      20_000,
    );
  } finally {
    await executor.close();
  }
});

test.run();
