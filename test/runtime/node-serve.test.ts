// `flowexec serve` end to end: the shared runtime cases, then what only the Node server does: SSE progress over HTTP,
// cancellation that stops the work, and bearer-token auth from the environment.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runtimeSuite } from './cases.js';
import { startNodeServe, fetchWithin, readEvents, type Server } from './support.js';
import { post } from '../api/support.js';
import { hestonJob } from '../api/heston-job.js';
import { scratchDir } from '../support/cli.js';

runtimeSuite({ name: 'flowexec serve', runtime: 'node', jobMode: 'background', start: (env) => startNodeServe(['--data-dir', scratchDir(), '--threads', '2'], env) });

const jobs = suite('flowexec serve jobs');
let server: Promise<Server> | undefined;
const up = () => (server ??= startNodeServe(['--data-dir', scratchDir(), '--threads', '2']));
jobs.after(async () => { await server?.then((s) => s.stop(), () => {}); });

jobs('an evaluation job streams its progress as Server-Sent Events and ends with its result', async () => {
  const { url } = await up();
  const job = await (await fetchWithin(`${url}/v1/evaluations`, post(hestonJob(300_000)))).json();
  const events = await readEvents(`${url}/v1/evaluations/${job.id}/events`, (e) => e.event === 'done');
  const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.donePaths as number);
  assert.ok(progress.filter((d) => d > 0 && d < 300_000).length >= 2, `progress events: ${progress}`);
  assert.ok(progress.every((d, i) => i === 0 || d >= progress[i - 1]!), `progress must not go back: ${progress}`);
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
  await new Promise((resolve) => setTimeout(resolve, 1000));
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
  for (let i = 0; i < 3; i++) ids.push((await (await fetchWithin(`${url}/v1/evaluations`, post(hestonJob(1000 + i)))).json()).id);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await (await fetchWithin(`${url}/v1/evaluations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
    assert.ok(page.items.length <= 2);
    seen.push(...page.items.map((j: { id: string }) => j.id));
    cursor = page.nextCursor;
  } while (cursor);
  assert.equal(seen, [...seen].sort().reverse(), 'newest first');
  for (const id of ids) assert.ok(seen.includes(id), `${id} listed`);
  assert.is(new Set(seen).size, seen.length, 'no job twice');
});

jobs.run();

const auth = suite('flowexec serve with FLOWEXEC_API_TOKEN');
const TOKEN = 'test-token-0123456789abcdef';
let secured: Promise<Server> | undefined;
const upSecured = () => (secured ??= startNodeServe(['--data-dir', scratchDir(), '--threads', '1'], { FLOWEXEC_API_TOKEN: TOKEN }));
auth.after(async () => { await secured?.then((s) => s.stop(), () => {}); });

auth('POST without the token is 401 with WWW-Authenticate; with it, 200; GET needs none', async () => {
  const { url } = await upSecured();
  const body = { workload: 'heston-execution', paths: 1000 };
  const denied = await fetchWithin(`${url}/v1/simulations`, post(body));
  assert.is(denied.status, 401);
  assert.match(denied.headers.get('www-authenticate') ?? '', /^Bearer/);
  assert.is((await denied.json()).error.field, 'authorization');
  const wrong = await fetchWithin(`${url}/v1/simulations`, post(body, { authorization: `Bearer ${TOKEN}x` }));
  assert.is(wrong.status, 401);
  const allowed = await fetchWithin(`${url}/v1/simulations`, post(body, { authorization: `Bearer ${TOKEN}` }));
  assert.is(allowed.status, 200);
  assert.is((await fetchWithin(`${url}/healthz`)).status, 200);
  const del = await fetchWithin(`${url}/v1/evaluations/ev_ffffffffffffffffffffffffffff`, { method: 'DELETE' });
  assert.is(del.status, 401);
});

auth.run();
