// Every route through app.request(): answers, validation errors naming the field with the right status, limits.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { evaluationConfigSchema } from '../../src/eval/config.js';
import { testApp, post, example, smallJob, catalog } from './support.js';
import { DISCARD_BYTES } from '../../src/api/body.js';

const { app, close } = await testApp({
  limits: { maxBodyBytes: 64 * 1024, maxSimulationPathSteps: 5_000_000, maxJobPathSteps: 50_000_000 },
});
const json = async (path: string, init?: RequestInit): Promise<{ res: Response; body: any }> => {
  const res = await app.request(path, init);
  return { res, body: await res.json() };
};

test('GET /healthz reports ok, the runtime and the job counts; /openapi.json the limits', async () => {
  const { res, body } = await json('/healthz');
  assert.is(res.status, 200);
  assert.is(body.status, 'ok');
  assert.is((await json('/openapi.json')).body.info['x-flowexec-limits'].maxSimulationPathSteps, 5_000_000);
  assert.equal(body.jobs, { queued: 0, running: 0, durable: false, mode: 'background' });
});

test('GET /openapi.json documents every route with the schemas that validate the requests', async () => {
  const { body } = await json('/openapi.json');
  assert.is(body.openapi, '3.1.0');
  for (const path of [
    '/healthz',
    '/v1/simulations',
    '/v1/evaluations',
    '/v1/evaluations/{id}',
    '/v1/evaluations/{id}/events',
    '/v1/bench',
    '/v1/strategies',
    '/v1/workloads',
  ]) {
    assert.ok(body.paths[path], `missing ${path}`);
  }
  const { $schema: _, ...expected } = z.toJSONSchema(evaluationConfigSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  assert.equal(body.components.schemas.EvaluationConfig, JSON.parse(JSON.stringify(expected)));
  assert.is(body.components.schemas.WorkloadSimulation.properties.paths.default, 10_000);
});

test('GET /v1/strategies lists every strategy type but policy (a server file), each with its schema', async () => {
  const { body } = await json('/v1/strategies');
  const types = body.items.map((s: { type: string }) => s.type);
  assert.equal(types, [
    'twap',
    'vwap',
    'pov',
    'almgren-chriss',
    'adaptive-almgren-chriss',
    'optimal-static',
    'schedule',
    'mlp',
    'flow',
  ]);
  assert.is(body.items[2].schema.properties.rate.type, 'number');
});

test('GET /v1/workloads lists the canonical workloads', async () => {
  const { body } = await json('/v1/workloads');
  assert.equal(
    body.items.map((w: { name: string; kind: string; steps: number }) => [w.name, w.kind, w.steps]),
    [
      ['heston-paths', 'paths', 252],
      ['heston-execution', 'execution', 390],
    ],
  );
});

test('POST /v1/simulations runs a workload and returns its statistics without NaN', async () => {
  const { res, body } = await json('/v1/simulations', post({ workload: 'heston-execution', paths: 2000 }));
  assert.is(res.status, 200);
  for (const key of ['mean', 'stderr', 'std', 'ci95', 'pathStepsPerSec', 'oracleMean', 'attribution'])
    assert.ok(key in body, key);
  assert.is(body.paths, 2000);
  assert.ok(Number.isFinite(body.mean) && body.stderr > 0);
});

test('POST /v1/simulations runs a market + schedule and returns every strategy', async () => {
  const config = example('almgren-chriss');
  config.evaluation.paths = 2000;
  const { res, body } = await json('/v1/simulations', post(config));
  assert.is(res.status, 200);
  assert.is(body.strategies.length, 5);
  assert.is(body.frontier.length, 7);
});

test('POST /v1/bench times a kernel in path-steps per second', async () => {
  const { res, body } = await json('/v1/bench', post({ kernel: 'static-execution', paths: 2000, repeats: 2 }));
  assert.is(res.status, 200);
  assert.is(body.runs.length, 2);
  assert.ok(body.pathStepsPerSec > 0);
  assert.is(body.steps, 390);
});

const policy = smallJob(1000);
policy.strategies = [{ type: 'twap' }, { type: 'policy', file: '/etc/passwd' }];

const ERRORS: Array<[string, string, RequestInit, number, string]> = [
  ['malformed JSON', '/v1/simulations', post('{"workload": "heston-paths",'), 400, 'body'],
  ['an empty body', '/v1/simulations', post(''), 400, 'body'],
  [
    'invalid UTF-8',
    '/v1/simulations',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
    400,
    'body',
  ],
  ['a JSON array', '/v1/simulations', post([1, 2]), 422, 'body'],
  ['a JSON string', '/v1/evaluations', post('"x"'), 422, 'body'],
  ['neither workload nor market', '/v1/simulations', post({ paths: 10 }), 422, 'body'],
  ['an unknown workload', '/v1/simulations', post({ workload: '../../etc/passwd' }), 422, 'workload'],
  ['an unknown key', '/v1/simulations', post({ workload: 'heston-paths', pathz: 3 }), 422, ''],
  ['paths as a string', '/v1/simulations', post({ workload: 'heston-paths', paths: '100' }), 422, 'paths'],
  ['fractional paths', '/v1/simulations', post({ workload: 'heston-paths', paths: 1.5 }), 422, 'paths'],
  ['an unknown scheme', '/v1/simulations', post({ workload: 'heston-paths', scheme: 'milstein' }), 422, 'scheme'],
  [
    'an inline workload with |rho| > 1',
    '/v1/simulations',
    post({
      workload: {
        ...(catalog()['heston-execution'] as object),
        heston: { s0: 1, v0: 0.04, kappa: 1, theta: 0.04, xi: 0.5, rho: 2 },
      },
    }),
    422,
    'workload.heston.rho',
  ],
  ['an inline workload that is neither kind', '/v1/simulations', post({ workload: { name: 'x' } }), 422, 'workload'],
  ['too much work', '/v1/simulations', post({ workload: 'heston-paths', paths: 1_000_000 }), 422, 'paths'],
  ['a config with too much work', '/v1/simulations', post(smallJob(100_000)), 422, 'evaluation.paths'],
  [
    'a config missing market',
    '/v1/evaluations',
    post({ order: { shares: 1, horizonDays: 1 }, strategies: [{ type: 'twap' }] }),
    422,
    'market',
  ],
  [
    'a negative daily volume',
    '/v1/evaluations',
    post({ ...smallJob(), market: { ...smallJob().market, dailyVolume: -5 } }),
    422,
    'market.dailyVolume',
  ],
  [
    'a strategy of unknown type',
    '/v1/evaluations',
    post({ ...smallJob(), strategies: [{ type: 'magic' }] }),
    422,
    'strategies.0.type',
  ],
  [
    'a schedule of the wrong length',
    '/v1/evaluations',
    post({ ...smallJob(), strategies: [{ type: 'schedule', fractions: [1, 2] }] }),
    422,
    'strategies.0.fractions',
  ],
  ['a policy strategy (a server file)', '/v1/evaluations', post(policy), 422, 'strategies.1.type'],
  ['a job over the work limit', '/v1/evaluations', post(smallJob(10_000_000)), 422, 'evaluation.paths'],
  ['an unknown bench kernel', '/v1/bench', post({ kernel: 'fft' }), 422, 'kernel'],
  ['bench work over the limit', '/v1/bench', post({ kernel: 'heston-terminal', paths: 10_000_000 }), 422, 'paths'],
  [
    'text/plain',
    '/v1/simulations',
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
    415,
    'content-type',
  ],
  ['no content-type', '/v1/simulations', { method: 'POST', body: '{}' }, 415, 'content-type'],
  ['a malformed id', '/v1/evaluations/ev_123', {}, 400, 'id'],
  ['an id with a path in it', '/v1/evaluations/..%2F..%2Fetc%2Fpasswd', {}, 400, 'id'],
  ['an unknown id', '/v1/evaluations/ev_0123456789abcdef0123456789ab', {}, 404, 'id'],
  ['an unknown id to cancel', '/v1/evaluations/ev_0123456789abcdef0123456789ab', { method: 'DELETE' }, 404, 'id'],
  ['events of a malformed id', '/v1/evaluations/nope/events', {}, 400, 'id'],
  ['a bad page size', '/v1/evaluations?limit=0', {}, 400, 'limit'],
  ['a huge page size', '/v1/evaluations?limit=100000', {}, 400, 'limit'],
  ['a bad cursor', '/v1/evaluations?cursor=../x', {}, 400, 'cursor'],
  ['an unknown status filter', '/v1/evaluations?status=done', {}, 400, 'status'],
  ['an unknown query parameter', '/v1/evaluations?offset=3', {}, 400, ''],
  ['an unknown route', '/v2/simulations', {}, 404, 'path'],
  ['a wrong method', '/v1/simulations', { method: 'GET' }, 405, 'method'],
];

for (const [what, path, init, status, field] of ERRORS) {
  test(`${what} gets ${status} with a JSON error naming ${field || 'the problem'}`, async () => {
    const res = await app.request(path, init);
    assert.is(res.status, status);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as any;
    assert.type(body.error.message, 'string');
    assert.not.match(body.error.message, /\n|\bat .*\.ts:\d+/);
    if (field) {
      assert.is(body.error.field, field, body.error.message);
      assert.ok(
        body.error.message.startsWith(`${field}:`) || field === 'path' || field === 'method',
        `the message begins with its field: ${body.error.message}`,
      );
    } else assert.ok(body.error.message.length > 0);
  });
}

test('a body over maxBodyBytes gets 413, whether Content-Length says so or a stream without it does', async () => {
  const big = JSON.stringify({ workload: 'heston-paths', pad: 'x'.repeat(70 * 1024) });
  const declared = await app.request('/v1/simulations', post(big));
  assert.is(declared.status, 413);
  assert.is(((await declared.json()) as any).error.field, 'body');
  const chunks = new TextEncoder().encode(big);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < chunks.length; i += 4096) controller.enqueue(chunks.slice(i, i + 4096));
      controller.close();
    },
  });
  const streamed = await app.request('/v1/simulations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  assert.is(streamed.status, 413);
});

test('a body a little over the limit is read to its end before the 413 (no reset of a client still sending); a far larger one is cancelled', async () => {
  // maxBodyBytes is 64 KB here: 64 KB + 512 KB is within DISCARD_BYTES of it, 64 KB + 2 MB is not
  const send = async (bytes: number) => {
    let pulled = 0,
      cancelled = false;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= bytes) {
          controller.close();
          return;
        }
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const res = await app.request('/v1/simulations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    return { status: res.status, pulled, cancelled };
  };
  const near = await send(64 * 1024 + 512 * 1024);
  assert.equal(near, { status: 413, pulled: 64 * 1024 + 512 * 1024, cancelled: false });
  const far = await send(64 * 1024 + 2 * DISCARD_BYTES);
  assert.is(far.status, 413);
  assert.ok(far.cancelled && far.pulled < 64 * 1024 + 2 * DISCARD_BYTES, `pulled ${far.pulled}`);
});

test('a 405 says which methods are allowed, and OPTIONS answers with them', async () => {
  const res = await app.request('/v1/evaluations', { method: 'PUT' });
  assert.is(res.status, 405);
  assert.is(res.headers.get('allow'), 'GET, POST, HEAD, OPTIONS');
  const options = await app.request('/v1/simulations', { method: 'OPTIONS' });
  assert.is(options.status, 204);
  assert.is(options.headers.get('allow'), 'POST, OPTIONS');
});

test('responses, errors included, are never cached and never sniffed', async () => {
  for (const [path, init] of [
    ['/healthz', {}],
    ['/nope', {}],
    ['/v1/simulations', post('{')],
  ] as const) {
    const res = await app.request(path, init);
    assert.is(res.headers.get('cache-control'), 'no-store', path);
    assert.is(res.headers.get('x-content-type-options'), 'nosniff', path);
  }
});

test.after(close);
test.run();
