// Durability of `flowexec serve`: kill -9 mid-job, restart on the same data dir; the job runs again to completion and
// its result equals an uninterrupted run's, and results finished before the crash are still served.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeServe, fetchWithin, readEvents, type Server } from './support.js';
import { post, deterministic, sameBits, smallJob } from '../api/support.js';
import { hestonJob } from '../api/heston-job.js';
import { scratchDir } from '../support/cli.js';

const PATHS = 1_000_000; // 20 shards: the kill lands mid-job

test('a job killed mid-run completes after a restart with the result of an uninterrupted run', async () => {
  const dataDir = scratchDir();
  const servers: Server[] = [];
  const start = async () => {
    const s = await startNodeServe(['--data-dir', dataDir, '--threads', '2']);
    servers.push(s);
    return s;
  };
  try {
    const first = await start();
    const small = await (await fetchWithin(`${first.url}/v1/evaluations`, post(smallJob(2000)))).json();
    const smallDone = (
      await readEvents(`${first.url}/v1/evaluations/${small.id}/events`, (e) => e.event === 'done')
    ).pop()!.data;
    assert.is(smallDone.status, 'succeeded');

    const job = await (await fetchWithin(`${first.url}/v1/evaluations`, post(hestonJob(PATHS)))).json();
    const seen = await readEvents(
      `${first.url}/v1/evaluations/${job.id}/events`,
      (e) => e.event !== 'progress' || e.data.donePaths > 0,
    );
    const atKill = seen[seen.length - 1]!;
    assert.is(atKill.event, 'progress', 'the job must still be running when the server is killed');
    assert.ok(atKill.data.donePaths < PATHS);
    await first.kill(); // SIGKILL: no shutdown code runs

    const second = await start();
    const before = await (await fetchWithin(`${second.url}/v1/evaluations/${small.id}`)).json();
    assert.is(before.status, 'succeeded', 'a result finished before the crash is still served');
    assert.ok(sameBits(before.result, smallDone.result));

    const resumed = (
      await readEvents(`${second.url}/v1/evaluations/${job.id}/events`, (e) => e.event === 'done')
    ).pop()!.data;
    assert.is(resumed.status, 'succeeded');
    assert.is(resumed.attempts, 2, 'run once before the crash, once after');

    const fresh = await (await fetchWithin(`${second.url}/v1/evaluations`, post(hestonJob(PATHS)))).json();
    const uninterrupted = (
      await readEvents(`${second.url}/v1/evaluations/${fresh.id}/events`, (e) => e.event === 'done')
    ).pop()!.data;
    assert.is(uninterrupted.status, 'succeeded');
    assert.is(uninterrupted.attempts, 1);
    assert.ok(
      sameBits(deterministic(resumed.result), deterministic(uninterrupted.result)),
      `resumed and uninterrupted differ:\n${JSON.stringify(deterministic(resumed.result)).slice(0, 400)}\n${JSON.stringify(deterministic(uninterrupted.result)).slice(0, 400)}`,
    );

    await second.stop();
    const files = readdirSync(join(dataDir, 'jobs'));
    assert.ok(
      files.every((f) => /^ev_[0-9a-f]{28}\.json$/.test(f)),
      `only whole records on disk: ${files}`,
    );
  } finally {
    for (const s of servers) await s.kill();
  }
});

test.run();
