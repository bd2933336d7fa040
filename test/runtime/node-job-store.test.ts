// The on-disk job store: records survive a reopen, a save cut short leaves no trace, only job ids become file names,
// and a runner started on a store holding a "running" job (a crash) runs it again to the uninterrupted result.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DiskJobStore } from '../../src/runtime/node-job-store.js';
import { JobRunner } from '../../src/api/job-runner.js';
import { newJobId } from '../../src/api/job-id.js';
import { SERVER_LIMITS } from '../../src/api/limits.js';
import type { JobRecord } from '../../src/api/job-store.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { waitFor } from '../support/wait.js';
import { evaluate } from '../../src/library/evaluate.js';
import { scratchDir } from '../support/cli.js';
import { wasmExecutor } from '../support/workloads.js';
import { smallJob, deterministic, sameBits } from '../api/support.js';

function record(status: JobRecord['status'], paths = 1000): JobRecord {
  const config = parseEvaluationConfig(smallJob(paths));
  return {
    id: newJobId(),
    kind: 'evaluation',
    name: config.name,
    status,
    createdAt: new Date().toISOString(),
    attempts: status === 'queued' ? 0 : 1,
    progress: { donePaths: 0, totalPaths: paths },
    config,
  };
}

test('records survive a reopen, newest first, and remove deletes the file', async () => {
  const dir = scratchDir();
  const store = await DiskJobStore.open(dir);
  const a = record('succeeded');
  await new Promise((resolve) => setTimeout(resolve, 2));
  const b = record('queued');
  await store.save(a);
  await store.save(b);
  await store.save({ ...b, status: 'cancelled' });
  const again = await DiskJobStore.open(dir);
  assert.equal(
    (await again.list({ limit: 10 })).map((j) => [j.id, j.status]),
    [
      [b.id, 'cancelled'],
      [a.id, 'succeeded'],
    ],
  );
  await again.remove(a.id);
  assert.not.ok(existsSync(join(dir, 'jobs', `${a.id}.json`)));
  assert.is(await (await DiskJobStore.open(dir)).load(a.id), undefined);
});

test('a leftover temporary file is removed and an unreadable record skipped at open', async () => {
  const dir = scratchDir();
  const store = await DiskJobStore.open(dir);
  const good = record('succeeded');
  await store.save(good);
  const torn = newJobId();
  writeFileSync(join(dir, 'jobs', `${torn}.json.tmp-abc123`), '{"id":');
  writeFileSync(join(dir, 'jobs', `${newJobId()}.json`), '{"id": "not json');
  writeFileSync(join(dir, 'jobs', 'notes.txt'), 'ignored');
  const reopened = await DiskJobStore.open(dir);
  assert.equal(
    (await reopened.all()).map((j) => j.id),
    [good.id],
  );
  assert.not.ok(readdirSync(join(dir, 'jobs')).some((f) => f.includes('.tmp-')));
});

test('only a job id can become a file name', async () => {
  const store = await DiskJobStore.open(scratchDir());
  for (const id of ['../escape', 'ev_../../etc/passwd', '', 'ev_0123456789abcdef0123456789aZ']) {
    try {
      await store.save({ ...record('queued'), id });
      assert.unreachable(`saved ${id}`);
    } catch (error) {
      assert.match((error as Error).message, /not a job id/);
    }
  }
});

test('after a crash, jobs left queued or running run again and finish with the uninterrupted result', async () => {
  const dir = scratchDir();
  const crashed = await DiskJobStore.open(dir);
  const running = record('running', 3000);
  running.progress.donePaths = 1000;
  const queued = record('queued', 2000);
  await crashed.save(running);
  await crashed.save(queued);
  const executor = await wasmExecutor();
  const store = await DiskJobStore.open(dir);
  const runner = new JobRunner({ store, executor, limits: SERVER_LIMITS, durable: true });
  await runner.start();
  await waitFor('the jobs to finish', async () => (await store.all()).every((j) => j.status === 'succeeded'));
  await runner.stop(); // the records reach the disk after the in-memory view says "succeeded"
  const finished = await DiskJobStore.open(dir);
  const resumed = (await finished.load(running.id))!;
  assert.is(resumed.attempts, 2);
  assert.is((await finished.load(queued.id))!.attempts, 1);
  const direct = JSON.parse(JSON.stringify(await evaluate(running.config, { executor })));
  assert.ok(sameBits(deterministic(resumed.result as never), deterministic(direct)));
});

test.run();
