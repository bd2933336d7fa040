// The end-to-end case suite every runtime runs (Node's flowexec serve, workerd, Deno, Bun): health, simulations equal to
// Node in-process bit for bit, an evaluation job to completion, clean JSON errors. One suite, one `start` per runtime.
import { suite, type Test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  testApp,
  post,
  deterministic,
  sameBits,
  simulationCases,
  smallJob,
  parseSse,
  type TestApp,
} from '../api/support.js';
import { fetchWithin, type Server } from './support.js';

export interface RuntimeUnderTest {
  name: string;
  /** What /healthz reports. */
  runtime: string;
  start: (env?: Record<string, string>) => Promise<Server>;
  /** inline: the job has finished when POST answers (workerd); background: it runs after (Node, Deno, Bun). */
  jobMode: 'inline' | 'background';
}

/** The shared cases, then `more(s, up)`: cases of this runtime only, on the same server. */
export function runtimeSuite(r: RuntimeUnderTest, more?: (s: Test, up: () => Promise<Server>) => void) {
  const s = suite(r.name);
  let server: Promise<Server> | undefined;
  let baseline: Promise<TestApp> | undefined;
  const up = () => (server ??= r.start());
  const node = () => (baseline ??= testApp());
  const call = async (path: string, init?: RequestInit) => fetchWithin(`${(await up()).url}${path}`, init);

  let configured: Promise<Server> | undefined;
  s.after(async () => {
    await server?.then(
      (x) => x.stop(),
      () => {},
    );
    await configured?.then(
      (x) => x.stop(),
      () => {},
    );
    await baseline?.then(
      (x) => x.close(),
      () => {},
    );
  });

  s(`GET /healthz answers ok and names the runtime`, async () => {
    const res = await call('/healthz');
    assert.is(res.status, 200);
    const body = await res.json();
    assert.is(body.status, 'ok');
    assert.is(body.runtime, r.runtime);
    assert.is(body.jobs.mode, r.jobMode);
  });

  for (const [label, body] of simulationCases()) {
    s(`POST /v1/simulations, ${label}: the same bits as Node in-process`, async () => {
      const res = await call('/v1/simulations', post(body));
      const text = await res.text();
      assert.is(res.status, 200, text);
      const expected = await (await (await node()).app.request('/v1/simulations', post(body))).json();
      const got = deterministic(JSON.parse(text));
      assert.ok(
        sameBits(got, deterministic(expected)),
        `${r.name} differs from Node:\n${JSON.stringify(got)}\n${JSON.stringify(deterministic(expected))}`,
      );
    });
  }

  s('an evaluation job runs to completion and its result equals Node in-process', async () => {
    const config = smallJob(3000);
    const res = await call('/v1/evaluations', post(config));
    assert.is(res.status, 202);
    const job = await res.json();
    assert.match(job.id, /^ev_[0-9a-f]{28}$/);
    assert.is(res.headers.get('location'), `/v1/evaluations/${job.id}`);
    const events = parseSse(await (await call(`/v1/evaluations/${job.id}/events`)).text());
    const done = events[events.length - 1]!;
    assert.is(done.event, 'done');
    assert.is(done.data.status, 'succeeded');
    const final = await (await call(`/v1/evaluations/${job.id}`)).json();
    assert.is(final.status, 'succeeded');
    const expected = await (await (await node()).app.request('/v1/simulations', post(config))).json();
    // flowexec serve adds sample executions beside a job's result (edge runtimes do not); the rest is the same bits
    const { samplePaths, ...result } = final.result;
    if (samplePaths) assert.is(samplePaths.prices.length, 3);
    assert.ok(sameBits(deterministic(result), deterministic(expected)), 'the job result differs from Node in-process');
  });

  s('bad input gets a JSON error naming the field, never a 5xx', async () => {
    const malformed = await call('/v1/simulations', post('{"workload": '));
    assert.is(malformed.status, 400);
    assert.is((await malformed.json()).error.field, 'body');
    const bad = await call('/v1/simulations', post({ workload: 'heston-paths', paths: -1 }));
    assert.is(bad.status, 422);
    assert.is((await bad.json()).error.field, 'paths');
    const unknown = await call('/v1/evaluations/ev_ffffffffffffffffffffffffffff');
    assert.is(unknown.status, 404);
    const malformedId = await call('/v1/evaluations/..%2F..%2Fetc%2Fpasswd');
    assert.ok(malformedId.status === 400 || malformedId.status === 404, String(malformedId.status));
  });

  s('the token and the limits come from the environment', async () => {
    const token = 'runtime-token-0123456789';
    const { url } = await (configured ??= r.start({
      FLOWEXEC_API_TOKEN: token,
      FLOWEXEC_MAX_SIMULATION_PATH_STEPS: '1000',
    }));
    const body = { workload: 'heston-execution', paths: 1000 };
    const denied = await fetchWithin(`${url}/v1/simulations`, post(body));
    assert.is(denied.status, 401);
    assert.match(denied.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.is((await denied.json()).error.field, 'authorization');
    assert.is(
      (await fetchWithin(`${url}/v1/simulations`, post(body, { authorization: `Bearer ${token}x` }))).status,
      401,
    );
    assert.is(
      (await fetchWithin(`${url}/v1/evaluations/ev_ffffffffffffffffffffffffffff`, { method: 'DELETE' })).status,
      401,
    );
    const capped = await fetchWithin(`${url}/v1/simulations`, post(body, { authorization: `Bearer ${token}` }));
    assert.is(capped.status, 422);
    assert.is((await capped.json()).error.code, 'work_limit');
    assert.is((await fetchWithin(`${url}/healthz`)).status, 200);
  });

  more?.(s, up);
  s.run();
}
