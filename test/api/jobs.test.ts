// Evaluation jobs through app.request(): SSE progress to completion, cancel that stops the work, the queue bound, inline mode.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ShardExecutor } from '../../src/eval/executor.js';
import type { SimulationPlan } from '../../src/eval/plan.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { evaluate } from '../../src/library/evaluate.js';
import { createApp } from '../../src/api/app.js';
import { JobRunner } from '../../src/api/job-runner.js';
import { MemoryJobStore, type JobStore } from '../../src/api/job-store.js';
import { SERVER_LIMITS } from '../../src/api/limits.js';
import { testApp, post, parseSse, deterministic, sameBits, smallJob, catalog } from './support.js';
import { waitFor } from '../support/wait.js';
import { hestonJob } from './heston-job.js';
import { wasmExecutor } from '../support/workloads.js';

/** Counts the shards it is given and how many are running, so a test can see that work has stopped. */
class CountingExecutor implements ShardExecutor {
  readonly threads = 1;
  calls = 0;
  inFlight = 0;
  constructor(private readonly inner: ShardExecutor) {}
  async runShard(plan: SimulationPlan, first: number, n: number): Promise<Float64Array> {
    this.calls++;
    this.inFlight++;
    try {
      return await this.inner.runShard(plan, first, n);
    } finally {
      this.inFlight--;
    }
  }
  close() {
    return this.inner.close();
  }
}

test('a job runs to completion with SSE progress, and its result equals the library evaluate called directly', async () => {
  const executor = await wasmExecutor();
  const { app, close } = await testApp({ executor });
  try {
    const config = hestonJob(150_000);
    const res = await app.request('/v1/evaluations', post(config));
    assert.is(res.status, 202);
    const job = (await res.json()) as any;
    assert.ok(['queued', 'running'].includes(job.status), job.status);
    const events = parseSse(await (await app.request(`/v1/evaluations/${job.id}/events`)).text());
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.donePaths);
    assert.ok(progress.filter((d) => d > 0 && d < 150_000).length >= 2, `progress ${progress}`);
    assert.is(events.at(-1)!.event, 'done');
    assert.equal(
      events.map((e) => Number(e.id)),
      events.map((_, i) => i),
      'event ids count up',
    );
    const final = (await (await app.request(`/v1/evaluations/${job.id}`)).json()) as any;
    assert.is(final.status, 'succeeded');
    const direct = await evaluate(parseEvaluationConfig(config), { executor });
    assert.ok(sameBits(deterministic(final.result), deterministic(JSON.parse(JSON.stringify(direct)))));
    const replay = parseSse(await (await app.request(`/v1/evaluations/${job.id}/events`)).text());
    assert.equal(
      replay.map((e) => e.event),
      ['done'],
      'a finished job streams its final state at once',
    );
  } finally {
    await close();
  }
});

test('DELETE stops a running job: no shard starts after it answers, and the job ends cancelled', async () => {
  const counting = new CountingExecutor(await wasmExecutor());
  const { app, jobs, close } = await testApp({ executor: counting });
  try {
    const job = (await (await app.request('/v1/evaluations', post(hestonJob(2_000_000)))).json()) as any;
    await waitFor('progress', async () => ((await jobs.get(job.id))?.progress.donePaths ?? 0) > 0);
    const res = await app.request(`/v1/evaluations/${job.id}`, { method: 'DELETE' });
    assert.is(res.status, 200);
    const body = (await res.json()) as any;
    assert.is(body.status, 'cancelled');
    assert.is(counting.inFlight, 0, 'no shard running once DELETE has answered');
    const calls = counting.calls;
    assert.ok(calls < 40, `${calls} of 40 shards ran`);
    // DELETE answers once the runner's promise for the job has settled: its simulation has returned, so nothing is
    // left that could start a shard (the callbacks queued behind it run first)
    assert.equal(jobs.counts(), { queued: 0, running: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    assert.is(counting.calls, calls, 'no shard started after the cancel');
    assert.is(counting.inFlight, 0);
    assert.is((await jobs.get(job.id))!.status, 'cancelled');
  } finally {
    await close();
  }
});

test('a queued job is cancelled without ever running; a finished one cannot be cancelled (409)', async () => {
  const { app, jobs, close } = await testApp();
  try {
    const running = (await (await app.request('/v1/evaluations', post(hestonJob(1_000_000)))).json()) as any;
    const queued = (await (await app.request('/v1/evaluations', post(smallJob(1000)))).json()) as any;
    const cancelled = (await (await app.request(`/v1/evaluations/${queued.id}`, { method: 'DELETE' })).json()) as any;
    assert.is(cancelled.status, 'cancelled');
    assert.is(cancelled.attempts, 0);
    assert.is(cancelled.startedAt, undefined);
    await app.request(`/v1/evaluations/${running.id}`, { method: 'DELETE' });
    const done = (await (await app.request('/v1/evaluations', post(smallJob(1000)))).json()) as any;
    await waitFor('the small job', async () => (await jobs.get(done.id))?.status === 'succeeded');
    const conflict = await app.request(`/v1/evaluations/${done.id}`, { method: 'DELETE' });
    assert.is(conflict.status, 409);
    assert.is(((await conflict.json()) as any).error.field, 'id');
  } finally {
    await close();
  }
});

test('a full queue answers 429 with Retry-After, and accepts again once there is room', async () => {
  const { app, close } = await testApp({ limits: { maxQueuedJobs: 1, retryAfterSeconds: 7 } });
  try {
    const first = (await (await app.request('/v1/evaluations', post(hestonJob(1_000_000)))).json()) as any;
    const second = await app.request('/v1/evaluations', post(smallJob(1000)));
    assert.is(second.status, 202);
    const third = await app.request('/v1/evaluations', post(smallJob(1000)));
    assert.is(third.status, 429);
    assert.is(third.headers.get('retry-after'), '7');
    assert.is(((await third.json()) as any).error.code, 'queue_full');
    await app.request(`/v1/evaluations/${((await second.json()) as any).id}`, { method: 'DELETE' });
    assert.is((await app.request('/v1/evaluations', post(smallJob(1000)))).status, 202);
    await app.request(`/v1/evaluations/${first.id}`, { method: 'DELETE' });
  } finally {
    await close();
  }
});

test('in inline mode (workerd) POST answers once the job has finished, with its result', async () => {
  const { app, close } = await testApp({ mode: 'inline' });
  try {
    const res = await app.request('/v1/evaluations', post(smallJob(2000)));
    assert.is(res.status, 202);
    const job = (await res.json()) as any;
    assert.is(job.status, 'succeeded');
    assert.is(job.result.paths, 2000);
    assert.is(((await (await app.request(`/v1/evaluations/${job.id}`)).json()) as any).status, 'succeeded');
  } finally {
    await close();
  }
});

test('finished jobs beyond maxStoredJobs are dropped, oldest first', async () => {
  const { app, jobs, close } = await testApp({ limits: { maxStoredJobs: 2 } });
  try {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const job = (await (await app.request('/v1/evaluations', post(smallJob(1000)))).json()) as any;
      ids.push(job.id);
      await waitFor('the job', async () => (await jobs.get(job.id))?.status === 'succeeded');
    }
    const listed = ((await (await app.request('/v1/evaluations')).json()) as any).items.map(
      (j: { id: string }) => j.id,
    );
    assert.equal(listed, [ids[3], ids[2]]);
    assert.is((await app.request(`/v1/evaluations/${ids[0]}`)).status, 404);
  } finally {
    await close();
  }
});

test('a store that fails mid-job ends the job without crashing the server', async () => {
  const store = new MemoryJobStore();
  let saves = 0;
  const failing: JobStore = {
    ...bind(store),
    save: async (job) => {
      if (++saves > 2) throw new Error('disk full');
      return store.save(job);
    },
  };
  const executor = await wasmExecutor();
  const jobs = new JobRunner({ store: failing, executor, limits: SERVER_LIMITS });
  const app = createApp({ executor, workloads: catalog(), jobs });
  const errors = console.error;
  console.error = () => {};
  try {
    const job = (await (await app.request('/v1/evaluations', post(smallJob(1000)))).json()) as any;
    const events = parseSse(await (await app.request(`/v1/evaluations/${job.id}/events`)).text());
    assert.is(events.at(-1)!.event, 'done');
    assert.is(jobs.counts().running, 0);
    assert.is((await app.request('/healthz')).status, 200);
  } finally {
    console.error = errors;
    await jobs.stop();
  }
});

function bind(store: MemoryJobStore): JobStore {
  return {
    save: (j) => store.save(j),
    load: (id) => store.load(id),
    list: (o) => store.list(o),
    remove: (id) => store.remove(id),
    all: () => store.all(),
  };
}

test.run();
