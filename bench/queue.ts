// Scale-out bench: the queue's overhead per shard and throughput with 1, 2, 4 `flowexec worker` processes, on a real
// redis-server, against the same evaluation run locally on one thread. One JSON row per measurement, then a table.
// Run: node --import tsx bench/queue.ts [--paths 10000000] [--workers 1,2,4] [--config examples/almgren-chriss.json]
//      [--threads 1] [--tiny-shards 400 (0: skip the fixed-cost case)] [--no-local (skip the local run: the queue's
//      overhead share with one worker needs only the queue run; identity is then not checked here, test/scale does)]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { parseEvaluationConfig } from '../src/eval/config.js';
import { runEvaluation, evaluationTotalPaths } from '../src/eval/evaluate.js';
import { runWorkload } from '../src/eval/run-workload.js';
import { DEFAULT_SHARD_CHUNKS } from '../src/eval/simulate.js';
import { QueueExecutor } from '../src/runtime/queue-executor.js';
import { parseRedisUrl } from '../src/runtime/redis-connection.js';
import { executorFor } from '../src/runtime/node-pool.js';
import { startRedis, startWorker, type TestWorker } from '../test/support/redis.js';
import { canonical } from '../test/support/workloads.js';

const { values } = parseArgs({
  options: {
    paths: { type: 'string', default: '10000000' },
    workers: { type: 'string', default: '1,2,4' },
    config: { type: 'string', default: 'examples/almgren-chriss.json' },
    threads: { type: 'string', default: '1' },
    'tiny-shards': { type: 'string', default: '400' },
    'no-local': { type: 'boolean', default: false },
  },
});
const paths = Number(values.paths),
  threads = Number(values.threads),
  tinyShards = Number(values['tiny-shards']);
const workerCounts = values.workers!.split(',').map(Number);
const config = parseEvaluationConfig(JSON.parse(readFileSync(values.config!, 'utf8')));
const totalPaths = evaluationTotalPaths(config, paths);
const shards = Math.ceil(paths / 1000 / DEFAULT_SHARD_CHUNKS) * (totalPaths / paths);
const rows: Record<string, unknown>[] = [];
const emit = (row: Record<string, unknown>) => {
  rows.push(row);
  console.log(JSON.stringify(row));
};
const statistics = (r: object) => {
  const { wallSeconds: _w, pathStepsPerSec: _p, threads: _t, ...rest } = r as Record<string, unknown>;
  return JSON.stringify(rest);
};

const redis = await startRedis();
const url = redis.url;
try {
  // 1. the fixed cost of a shard: many one-chunk, one-step shards (engine time ~20 us each) through one worker
  if (tinyShards > 0) {
    const workers = [await startWorker(url, ['--threads', '1'], { quickStall: false })];
    const executor = await QueueExecutor.open(parseRedisUrl(url));
    const workload = canonical('heston-paths');
    const started = performance.now();
    await runWorkload(
      workload,
      { paths: tinyShards * 1000, steps: 1, seed: 1, scheme: 'euler', shardChunks: 1 },
      executor,
    );
    const wall = (performance.now() - started) / 1000;
    emit({
      case: 'fixed-cost',
      shards: tinyShards,
      wallSeconds: wall,
      msPerShard: (1000 * wall) / tinyShards,
      engineMsPerShard: (1000 * executor.stats.engineSeconds) / executor.stats.shards,
    });
    await executor.close();
    await Promise.all(workers.map((w) => w.stop()));
  }

  // 2. the evaluation locally, on `threads` engine threads in this process
  let local: object | undefined,
    localWall = NaN;
  if (!values['no-local']) {
    const localExecutor = await executorFor(threads);
    const localStarted = performance.now();
    local = await runEvaluation(config, localExecutor, { paths });
    localWall = (performance.now() - localStarted) / 1000;
    await localExecutor.close();
    emit({
      case: 'local',
      config: config.name,
      paths,
      shards,
      threads,
      wallSeconds: localWall,
      pathsPerSec: totalPaths / localWall,
    });
  }

  // 3. the same evaluation through the queue with N worker processes of `threads` threads each
  for (const n of workerCounts) {
    const workers: TestWorker[] = await Promise.all(
      Array.from({ length: n }, () => startWorker(url, ['--threads', String(threads)], { quickStall: false })),
    );
    const executor = await QueueExecutor.open(parseRedisUrl(url));
    const started = performance.now();
    const result = await runEvaluation(config, executor, { paths });
    const wall = (performance.now() - started) / 1000;
    const s = executor.stats;
    emit({
      case: 'queue',
      config: config.name,
      paths,
      shards: s.shards,
      workers: n,
      threadsPerWorker: threads,
      wallSeconds: wall,
      pathsPerSec: totalPaths / wall,
      speedupVsLocal: localWall / wall,
      identicalToLocal: local ? statistics(result) === statistics(local) : undefined,
      engineSecondsPerShard: s.engineSeconds / s.shards,
      wallSecondsPerShard: wall / s.shards,
      // with one worker of one thread the engine time is serial: what is not engine time is the queue's
      overheadShare: n === 1 && threads === 1 ? 1 - s.engineSeconds / wall : undefined,
      resultKiBPerShard: (0.75 * s.bytes) / s.shards / 1024,
    });
    await executor.close();
    await Promise.all(workers.map((w) => w.stop()));
  }
} finally {
  await redis.stop();
}

console.log(
  `\nmachine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}; ${values.config} at ${paths.toExponential(0)} paths (${shards} shards of ${DEFAULT_SHARD_CHUNKS * 1000} paths)\n`,
);
console.log('| run | workers x threads | wall s | paths/s | speed-up vs local | identical |');
console.log('|---|---|---|---|---|---|');
for (const r of rows.filter((r) => r.case !== 'fixed-cost')) {
  console.log(
    `| ${r.case} | ${r.case === 'local' ? `- x ${r.threads}` : `${r.workers} x ${r.threadsPerWorker}`} | ${(r.wallSeconds as number).toFixed(1)} | ${Math.round(r.pathsPerSec as number).toLocaleString('en')} | ${r.case === 'local' ? '1' : (r.speedupVsLocal as number).toFixed(2)} | ${r.case === 'local' ? '-' : r.identicalToLocal} |`,
  );
}
process.exit(0);
