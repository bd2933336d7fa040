// --queue and --fan-out of `flowexec evaluate` and `run`: where the shards go instead of this machine's pool.
import type { ShardExecutor } from '../eval/executor.js';
import { InputError } from '../errors/input-error.js';
import { integerOption } from './args.js';
// the queue and fan-out code (and bullmq) load only when asked for

/** The options this adds to a command. */
export const REMOTE_OPTIONS = {
  queue: { type: 'string' },
  'fan-out': { type: 'string' },
  'in-flight': { type: 'string' },
  'shard-timeout': { type: 'string' },
} as const;

const log = (line: string) => console.error(line);

/** A queue or fan-out executor when asked for (checked and connected: a Redis that is down is an InputError), else undefined. */
export async function remoteExecutor(values: Record<string, unknown>): Promise<ShardExecutor | undefined> {
  const queue = values.queue as string | undefined,
    fanOut = values['fan-out'] as string | undefined;
  if (queue !== undefined && fanOut !== undefined)
    throw new InputError('--queue and --fan-out do not go together', 'fan-out');
  const inFlight = integerOption(values, 'in-flight', 1, 100_000);
  const timeoutSeconds = integerOption(values, 'shard-timeout', 1, 86_400);
  if (queue === undefined && fanOut === undefined) {
    if (inFlight !== undefined || timeoutSeconds !== undefined)
      throw new InputError('--in-flight and --shard-timeout need --queue or --fan-out', 'in-flight');
    return undefined;
  }
  if (values.threads !== undefined)
    throw new InputError(
      "--threads sets this machine's pool: with --queue or --fan-out the workers and instances have their own",
      'threads',
    );
  if (queue !== undefined) {
    const { parseRedisUrl } = await import('../runtime/redis-connection.js');
    const { QueueExecutor } = await import('../runtime/queue-executor.js');
    const executor = await QueueExecutor.open(parseRedisUrl(queue), { inFlight, log });
    if ((await executor.workers()) === 0)
      log(
        `flowexec: no worker is connected to ${parseRedisUrl(queue).label} yet; start some with \`flowexec worker --queue ${parseRedisUrl(queue).label}\``,
      );
    return executor;
  }
  const { FanOutExecutor, parseFanOutUrls } = await import('../runtime/fan-out-executor.js');
  const urls = parseFanOutUrls(fanOut!);
  return new FanOutExecutor(urls, {
    perInstance: inFlight === undefined ? undefined : Math.max(1, Math.ceil(inFlight / urls.length)),
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    token: process.env.FLOWEXEC_API_TOKEN || undefined,
    log,
  });
}
