// flowexec worker --queue redis://HOST:PORT: runs shards of evaluations from the queue on this machine until SIGINT/SIGTERM.
import { WORKER_USAGE } from './usage.js';
import { parseCommand, integerOption, threadsOption } from './args.js';
import { InputError } from '../errors/input-error.js';
import { parseRedisUrl } from '../runtime/redis-connection.js';
import { startQueueWorker } from '../runtime/queue-worker.js';

export async function workerCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(
    args,
    {
      queue: { type: 'string' },
      threads: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-duration': { type: 'string' },
      'stalled-interval': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    0,
  );
  if (values.help) {
    console.log(`usage: ${WORKER_USAGE}`);
    return;
  }
  if (values.queue === undefined)
    throw new InputError(`missing --queue redis://HOST:PORT (usage: ${WORKER_USAGE})`, 'queue');
  const target = parseRedisUrl(values.queue);
  const threads = threadsOption(values);
  const concurrency = integerOption(values, 'concurrency', 1, 1024) ?? threads;
  const lockDurationMs = integerOption(values, 'lock-duration', 100, 3_600_000);
  const stalledIntervalMs = integerOption(values, 'stalled-interval', 100, 3_600_000);
  const worker = await startQueueWorker({
    target,
    threads,
    concurrency,
    lockDurationMs,
    stalledIntervalMs,
    log: (line) => console.error(line),
  });
  console.log(`flowexec worker: taking shards from ${target.label} (${threads} threads, ${concurrency} at once)`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      worker.close().then(done, (error: unknown) => {
        console.error(`flowexec worker: ${(error as Error).message}`);
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  console.log(`flowexec worker: stopped after ${worker.completed} shards`);
}
