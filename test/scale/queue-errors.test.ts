// A Redis that is down or a bad --queue: one clear line and exit 2 (within 10 s), for the coordinator and the worker.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flowexec, isCleanInputError } from '../support/cli.js';
import { freePort } from '../support/redis.js';
import { parseRedisUrl } from '../../src/runtime/redis-connection.js';
import { QueueExecutor } from '../../src/runtime/queue-executor.js';
import { startQueueWorker } from '../../src/runtime/queue-worker.js';
import { InputError } from '../../src/errors/input-error.js';

const EXAMPLE = new URL('../../examples/almgren-chriss.json', import.meta.url).pathname;

test('the coordinator and the worker give up on a Redis nobody runs within 10 s, with the reason', async () => {
  const target = parseRedisUrl(`redis://127.0.0.1:${await freePort()}`);
  for (const [who, start] of [
    ['coordinator', () => QueueExecutor.open(target)],
    ['worker', () => startQueueWorker({ target, threads: 1 })],
  ] as const) {
    const started = Date.now();
    try {
      await start();
      assert.unreachable(`${who} started without Redis`);
    } catch (error) {
      assert.instance(error, InputError);
      assert.match(
        (error as Error).message,
        /^--queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
      );
    }
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 10, `${who} took ${seconds} s`);
  }
});

test('evaluate, run and worker against a Redis nobody runs: one line naming it, exit 2', async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  const commands = [
    ['evaluate', EXAMPLE, '--queue', url],
    ['run', 'heston-paths', '--queue', url],
    ['worker', '--queue', url],
  ];
  const results = await Promise.all(commands.map((args) => flowexec(args)));
  results.forEach((r, i) =>
    assert.is(
      isCleanInputError(r, /--queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/),
      null,
      commands[i]!.join(' '),
    ),
  );
});

test('bad queue and fan-out options are one clear line each', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['evaluate', EXAMPLE, '--queue', 'http://127.0.0.1:6379'], /--queue must be a redis:\/\/ or rediss:\/\/ URL/],
    [['evaluate', EXAMPLE, '--queue', 'not a url'], /--queue must be a redis:\/\/ URL/],
    [
      ['evaluate', EXAMPLE, '--queue', 'redis://127.0.0.1:1', '--fan-out', 'http://127.0.0.1:2'],
      /--queue and --fan-out do not go together/,
    ],
    [['evaluate', EXAMPLE, '--fan-out', 'ftp://x'], /--fan-out: must be http:\/\/ or https:\/\/ URLs/],
    [['evaluate', EXAMPLE, '--fan-out', 'http://127.0.0.1:2', '--threads', '2'], /--threads sets this machine's pool/],
    [['evaluate', EXAMPLE, '--in-flight', '4'], /--in-flight and --shard-timeout need --queue or --fan-out/],
    [['worker'], /missing --queue redis:\/\/HOST:PORT/],
    [
      ['worker', '--queue', 'redis://127.0.0.1:1', '--concurrency', '0'],
      /--concurrency must be an integer in \[1, 1024\]/,
    ],
  ];
  const results = await Promise.all(cases.map(([args]) => flowexec(args)));
  results.forEach((r, i) => assert.is(isCleanInputError(r, cases[i]![1]), null, cases[i]![0].join(' ')));
});

test.run();
