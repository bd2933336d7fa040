// `flowexec serve` end to end: the shared runtime cases, then on the same server what only the Node server does: SSE
// progress over HTTP, cancellation that stops the work, and paging the job list.
import * as assert from 'uvu/assert';
import { runtimeSuite } from './cases.js';
import { startNodeServe, fetchWithin, readEvents } from './support.js';
import { post } from '../api/support.js';
import { hestonJob } from '../api/heston-job.js';
import { scratchDir } from '../support/cli.js';

runtimeSuite(
  {
    name: 'flowexec serve',
    runtime: 'node',
    jobMode: 'background',
    start: (env) => startNodeServe(['--data-dir', scratchDir(), '--threads', '2'], env),
  },
  (jobs, up) => {
    jobs('an evaluation job streams its progress as Server-Sent Events and ends with its result', async () => {
      const { url } = await up();
      const job = await (await fetchWithin(`${url}/v1/evaluations`, post(hestonJob(300_000)))).json();
      const events = await readEvents(`${url}/v1/evaluations/${job.id}/events`, (e) => e.event === 'done');
      const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.donePaths as number);
      assert.ok(progress.filter((d) => d > 0 && d < 300_000).length >= 2, `progress events: ${progress}`);
      assert.ok(
        progress.every((d, i) => i === 0 || d >= progress[i - 1]!),
        `progress must not go back: ${progress}`,
      );
      const done = events[events.length - 1]!;
      assert.is(done.event, 'done');
      assert.is(done.data.status, 'succeeded');
      assert.is(done.data.result.paths, 300_000);
      assert.is(done.data.progress.donePaths, 300_000);
    });

    jobs('DELETE stops a running job: it ends cancelled and its progress stops', async () => {
      const { url } = await up();
      const job = await (await fetchWithin(`${url}/v1/evaluations`, post(hestonJob(4_000_000)))).json();
      await readEvents(`${url}/v1/evaluations/${job.id}/events`, (e) => e.event === 'progress' && e.data.donePaths > 0);
      const cancelled = await fetchWithin(`${url}/v1/evaluations/${job.id}`, { method: 'DELETE' });
      assert.is(cancelled.status, 200);
      const body = await cancelled.json();
      assert.is(body.status, 'cancelled');
      assert.ok(body.progress.donePaths < 4_000_000, `done ${body.progress.donePaths}`);
      // the job's event stream ends with its final record: cancelled, with the progress it had when DELETE answered
      const final = (await readEvents(`${url}/v1/evaluations/${job.id}/events`, (e) => e.event === 'done')).pop()!;
      assert.is(final.event, 'done');
      assert.is(final.data.status, 'cancelled');
      assert.is(final.data.progress.donePaths, body.progress.donePaths, 'no work after the cancel');
      const later = await (await fetchWithin(`${url}/v1/evaluations/${job.id}`)).json();
      assert.is(later.status, 'cancelled');
      assert.is(later.progress.donePaths, body.progress.donePaths, 'no work after the cancel');
      const health = await (await fetchWithin(`${url}/healthz`)).json();
      assert.equal([health.jobs.running, health.jobs.queued], [0, 0]);
      const again = await fetchWithin(`${url}/v1/evaluations/${job.id}`, { method: 'DELETE' });
      assert.is(again.status, 200, 'cancelling twice is harmless');
    });

    jobs('the job list pages newest first with a cursor', async () => {
      const { url } = await up();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await (await fetchWithin(`${url}/v1/evaluations`, post(hestonJob(1000 + i)))).json()).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await (
          await fetchWithin(`${url}/v1/evaluations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((j: { id: string }) => j.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen, [...seen].sort().reverse(), 'newest first');
      for (const id of ids) assert.ok(seen.includes(id), `${id} listed`);
      assert.is(new Set(seen).size, seen.length, 'no job twice');
    });
  },
);
