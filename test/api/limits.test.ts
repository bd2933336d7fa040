// Request deadlines (503 for slow work, which then stops; 408 for a slow body), bearer auth, limits from the environment.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ShardExecutor } from '../../src/eval/executor.js';
import type { SimulationPlan } from '../../src/eval/plan.js';
import { SERVER_LIMITS, limitsFromEnv, limitVariable } from '../../src/api/limits.js';
import { InputError } from '../../src/errors/input-error.js';
import { testApp, post } from './support.js';
import { wasmExecutor } from '../support/workloads.js';
import { sleep } from '../support/wait.js';

/** Every shard takes at least delayMs: work that outlives a short deadline. Counts the shards started and running. */
class SlowExecutor implements ShardExecutor {
  readonly threads = 1;
  calls = 0;
  inFlight = 0;
  private onIdle: Array<() => void> = [];
  constructor(
    private readonly inner: ShardExecutor,
    private readonly delayMs: number,
  ) {}
  async runShard(plan: SimulationPlan, first: number, n: number): Promise<Float64Array> {
    this.calls++;
    this.inFlight++;
    try {
      await sleep(this.delayMs);
      return await this.inner.runShard(plan, first, n);
    } finally {
      if (--this.inFlight === 0) for (const resolve of this.onIdle.splice(0)) resolve();
    }
  }
  /** Resolves once no shard is running (at once if none is). */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.onIdle.push(resolve));
  }
  close() {
    return this.inner.close();
  }
}

test('work past the deadline gets 503 with Retry-After, and no shard starts after it', async () => {
  const slow = new SlowExecutor(await wasmExecutor(), 150);
  const { app, close } = await testApp({ executor: slow, limits: { requestTimeoutMs: 250, retryAfterSeconds: 3 } });
  try {
    const res = await app.request('/v1/simulations', post({ workload: 'heston-paths', paths: 1_000_000, steps: 2 }));
    assert.is(res.status, 503);
    assert.is(res.headers.get('retry-after'), '3');
    assert.is(((await res.json()) as any).error.code, 'timeout');
    const calls = slow.calls;
    // the shards in flight at the 503 finish; each one's end is where a simulation that ignored its deadline would
    // start the next, so once they are all done (and the callbacks after them have run) the count must not have moved
    await slow.idle();
    await new Promise((resolve) => setImmediate(resolve));
    assert.is(slow.inFlight, 0);
    assert.is(slow.calls, calls, 'no shard started after the 503');
    assert.ok(calls < 20, `${calls} of 20 shards ran`);
  } finally {
    await close();
  }
});

test('a body that never ends gets 408 naming the body', async () => {
  const { app, close } = await testApp({ limits: { requestTimeoutMs: 200 } });
  try {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"workload":'));
      },
    });
    const res = await app.request('/v1/simulations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.is(res.status, 408);
    assert.is(((await res.json()) as any).error.field, 'body');
  } finally {
    await close();
  }
});

test('with a token, POST and DELETE need it; GET does not; the comparison takes any header shape', async () => {
  const token = 'a-long-enough-token-42';
  const { app, close } = await testApp({ authToken: token });
  try {
    const body = { workload: 'heston-execution', paths: 1000 };
    for (const header of [
      undefined,
      'Bearer',
      `Basic ${token}`,
      `Bearer ${token} extra`,
      `Bearer ${token.slice(0, -1)}`,
    ]) {
      const res = await app.request(
        '/v1/simulations',
        post(body, header === undefined ? {} : { authorization: header }),
      );
      assert.is(res.status, 401, String(header));
      assert.is(res.headers.get('www-authenticate'), 'Bearer realm="flowexec"');
    }
    assert.is((await app.request('/v1/simulations', post(body, { authorization: `Bearer ${token}` }))).status, 200);
    assert.is((await app.request('/v1/simulations', post(body, { authorization: `bearer  ${token}` }))).status, 200);
    assert.is((await app.request('/v1/evaluations/ev_0123456789abcdef0123456789ab', { method: 'DELETE' })).status, 401);
    assert.is((await app.request('/v1/evaluations')).status, 200);
    assert.is((await app.request('/healthz')).status, 200);
  } finally {
    await close();
  }
});

test('a token shorter than 16 characters is refused at start, naming the variable', async () => {
  try {
    await testApp({ authToken: 'short' });
    assert.unreachable('accepted a short token');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /FLOWEXEC_API_TOKEN/);
  }
});

test('limits are read from FLOWEXEC_* variables; a bad one is an error naming it', () => {
  assert.is(limitVariable('maxSimulationPathSteps'), 'FLOWEXEC_MAX_SIMULATION_PATH_STEPS');
  const env: Record<string, string> = {
    FLOWEXEC_MAX_SIMULATION_PATH_STEPS: '1e6',
    FLOWEXEC_MAX_QUEUED_JOBS: '3',
    FLOWEXEC_REQUEST_TIMEOUT_MS: '',
  };
  const limits = limitsFromEnv(SERVER_LIMITS, (name) => env[name]);
  assert.is(limits.maxSimulationPathSteps, 1_000_000);
  assert.is(limits.maxQueuedJobs, 3);
  assert.is(limits.requestTimeoutMs, SERVER_LIMITS.requestTimeoutMs);
  for (const bad of ['0', '-1', 'lots', '1.5', '1e400']) {
    assert.throws(
      () => limitsFromEnv(SERVER_LIMITS, (name) => (name === 'FLOWEXEC_MAX_BODY_BYTES' ? bad : undefined)),
      /FLOWEXEC_MAX_BODY_BYTES must be a positive integer/,
    );
  }
});

test.run();
