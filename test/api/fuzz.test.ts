// Fuzz through app.request(): 10,000 hostile requests (fast-check, fixed seed; FUZZ_SEED to vary) get no 5xx, every one
// answers within its deadline with JSON (or an event stream), and the app is still healthy after.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { testApp } from './support.js';
import { requestArbitrary, type FuzzRequest } from './fuzz-cases.js';

const RUNS = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/**
 * A request that takes this long counts as a hang (every valid body here is at most a few hundred thousand
 * path-steps, milliseconds of work); the request deadline sits well inside it and far above any real request, so a
 * slow machine meets neither (a 503 from the deadline would fail the run).
 */
const HANG_MS = 120_000;
const REQUEST_TIMEOUT_MS = 60_000;

test(`${RUNS} hostile requests: 0 responses 5xx, 0 hangs, healthy after (seed ${SEED})`, async () => {
  const { app, close } = await testApp({
    authToken: 'token-token-token-1',
    limits: {
      maxBodyBytes: 16 * 1024,
      maxSimulationPathSteps: 200_000,
      maxJobPathSteps: 200_000,
      maxBenchPathSteps: 200_000,
      maxQueuedJobs: 4,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    },
  });
  const statuses = new Map<number, number>();
  let hangs = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary,
        fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
        async (r: FuzzRequest, withToken: boolean) => {
          // four in five requests carry the right token, so bodies get past auth to validation
          const headers = {
            ...r.headers,
            ...(r.method !== 'GET' && withToken ? { authorization: 'Bearer token-token-token-1' } : {}),
          };
          let timer: ReturnType<typeof setTimeout> | undefined;
          const hang = new Promise<'hang'>((resolve) => {
            timer = setTimeout(() => resolve('hang'), HANG_MS);
          });
          const res = await Promise.race([app.request(r.path, { method: r.method, headers, body: r.body }), hang]);
          clearTimeout(timer);
          if (res === 'hang') {
            hangs++;
            throw new Error(`hang: ${r.method} ${r.path}`);
          }
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const type = res.headers.get('content-type') ?? '';
          const text = await res.text();
          if (res.status >= 500)
            throw new Error(
              `${res.status} for ${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body?.slice(0, 300)}: ${text}`,
            );
          if (res.status >= 400 && r.method !== 'HEAD') {
            if (!type.startsWith('application/json')) throw new Error(`error without JSON: ${res.status} ${type}`);
            const body = JSON.parse(text);
            if (typeof body.error?.message !== 'string' || /\n\s+at /.test(body.error.message))
              throw new Error(`bad error body ${text}`);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  } finally {
    console.log(
      `fuzz (in-process): ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}, hangs ${hangs}`,
    );
  }
  // a 5xx or a hang has already failed the property above; what is left to check is the server's health after it all
  const health = await app.request('/healthz');
  assert.is(health.status, 200);
  await close();
});

test.run();
