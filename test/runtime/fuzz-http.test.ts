// Fuzz over real HTTP against `flowexec serve`: 10,000 hostile requests through fetch, then raw-socket abuse fetch cannot
// send (broken framing, oversized heads, slow clients). Every request fetch can send gets an HTTP answer (a connection
// reset or a hang is a failure), 0 responses 5xx, and the server still healthy after.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { connect } from 'node:net';
import fc from 'fast-check';
import { startNodeServe, fetchWithin, type Server } from './support.js';
import { requestArbitrary } from '../api/fuzz-cases.js';
import { scratchDir } from '../support/cli.js';

const RUNS = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const TOKEN = 'token-token-token-1';
/** No answer within this long is a hang (an answer takes milliseconds; the request deadline below is the slowest). */
const HANG_MS = 30_000;
/** Requests fetch refuses to build (a method or header undici rejects) never reach the server: at most 1% of them. */
const MAX_REFUSED_SHARE = 0.01;
const MAX_BODY_BYTES = 16_384;
const ENV = {
  FLOWEXEC_API_TOKEN: TOKEN,
  FLOWEXEC_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
  FLOWEXEC_MAX_SIMULATION_PATH_STEPS: '200000',
  FLOWEXEC_MAX_JOB_PATH_STEPS: '200000',
  FLOWEXEC_MAX_BENCH_PATH_STEPS: '200000',
  FLOWEXEC_MAX_QUEUED_JOBS: '4',
  // long enough that no valid request of a few hundred thousand path-steps meets it on a slow machine (a 503 is a
  // failure here), short enough that the raw cases of slow or missing bodies get their 408 well within HANG_MS
  FLOWEXEC_REQUEST_TIMEOUT_MS: '10000',
};

/** What a failed fetch says: its name and message, and the cause's code (ECONNRESET, UND_ERR_SOCKET, EPIPE, ...). */
function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  return `${e.name}: ${e.message}${e.cause ? ` (${e.cause.code ?? ''} ${e.cause.message ?? ''})` : ''}`;
}

let server: Server | undefined;
test.after(async () => {
  await server?.stop();
});

test(`${RUNS} hostile requests over HTTP: each one fetch can send gets an HTTP answer, none 5xx (seed ${SEED})`, async () => {
  server = await startNodeServe(['--data-dir', scratchDir(), '--threads', '2'], ENV);
  const requests = fc.sample(fc.tuple(requestArbitrary, fc.integer({ min: 0, max: 4 })), {
    numRuns: Math.ceil(RUNS * 1.1),
    seed: SEED,
  });
  const statuses = new Map<number, number>();
  const fiveHundreds: string[] = [];
  const lost: string[] = []; // sent, but no HTTP answer: a reset, a closed connection, a hang
  let issued = 0,
    answered = 0,
    refused = 0,
    next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (issued < RUNS && next < requests.length) {
        const [r, coin] = requests[next++]!;
        const headers = {
          ...r.headers,
          ...(r.method !== 'GET' && coin > 0 ? { authorization: `Bearer ${TOKEN}` } : {}),
        };
        const init = { method: r.method, headers, body: r.body };
        try {
          new Request(`${server!.url}${r.path}`, init);
        } catch {
          refused++; // fetch will not build it (a header value or method undici rejects): the raw-socket test covers those
          continue;
        }
        issued++;
        let res: Response;
        try {
          res = await fetchWithin(`${server!.url}${r.path}`, init, HANG_MS);
          await res.arrayBuffer();
        } catch (error) {
          lost.push(`${describe(error)} for ${r.method} ${r.path.slice(0, 100)} (${r.body?.length ?? 0} body bytes)`);
          continue;
        }
        answered++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) fiveHundreds.push(`${res.status} ${r.method} ${r.path} ${r.body?.slice(0, 200)}`);
      }
    }),
  );
  console.log(
    `fuzz (HTTP): ${answered} answered, ${lost.length} without an answer, ${refused} refused by fetch; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
  );
  assert.equal(lost.slice(0, 10), [], `${lost.length} requests got no HTTP answer`);
  assert.is(answered, RUNS);
  assert.ok(refused <= MAX_REFUSED_SHARE * RUNS, `fetch refused ${refused} of the generated requests`);
  assert.equal(fiveHundreds, []);
});

test('bodies over the limit, declared or streamed, get their 413 over HTTP, never a reset', async () => {
  assert.ok(server, 'the server of the first test');
  // a client sends its whole body before it reads the answer: the server must not close on it half way
  const cases: Array<[string, number, boolean]> = [
    ['40 KB declared', 40_000, false],
    ['40 KB streamed', 40_000, true],
    ['200 KB streamed', 200_000, true],
    ['1 MB declared', 1_000_000, false],
    ['1 MB streamed', 1_000_000, true],
  ];
  for (const [what, bytes, streamed] of cases) {
    const body = '['.repeat(bytes / 2) + ']'.repeat(bytes / 2);
    const outcomes = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 8; i++) {
          let outcome: string;
          try {
            const res = await fetchWithin(
              `${server!.url}/v1/simulations`,
              {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
                body: streamed ? new Blob([body]).stream() : body,
                duplex: 'half',
              } as RequestInit,
              HANG_MS,
            );
            outcome = String(res.status);
            await res.arrayBuffer();
          } catch (error) {
            outcome = describe(error);
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }),
    );
    assert.equal(Object.fromEntries(outcomes), { 413: 64 }, what);
  }
});

/** Writes raw bytes (in parts, with pauses) and reads until the server closes or answers; null status = closed silently. */
function raw(
  port: number,
  parts: Array<string | Buffer>,
  pauseMs = 0,
): Promise<{ status: number | null; hung: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const finish = (hung: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1];
      resolve({ status: status ? Number(status) : null, hung });
    };
    const timer = setTimeout(() => finish(true), HANG_MS);
    socket.on('data', (d) => {
      data += d.toString('latin1');
      if (/\r\n\r\n/.test(data) && !parts.length) finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('connect', async () => {
      for (const part of parts.splice(0)) {
        if (socket.destroyed) return;
        socket.write(part);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  });
}

const SIM = '{"workload":"heston-execution","paths":500}';
const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const RAW_CASES: Array<[string, Array<string | Buffer>, number?]> = [
  ['garbage', ['GARBAGE\r\n\r\n']],
  ['binary noise', [Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))]],
  ['an HTTP/2 preface', ['PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n']],
  ['HTTP/0.9', ['GET /healthz\r\n\r\n']],
  ['an unknown version', ['GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n']],
  ['no Host', ['GET /healthz HTTP/1.1\r\n\r\n']],
  [
    'Content-Length and Transfer-Encoding together',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Content-Type: application/json',
        `Authorization: Bearer ${TOKEN}`,
        'Content-Length: 5',
        'Transfer-Encoding: chunked',
      ]) + '0\r\n\r\n',
    ],
  ],
  [
    'two different Content-Lengths',
    [head(['POST /v1/simulations HTTP/1.1', 'Host: x', 'Content-Length: 5', 'Content-Length: 7']) + '{}{}{}{'],
  ],
  ['a negative Content-Length', [head(['POST /v1/simulations HTTP/1.1', 'Host: x', 'Content-Length: -1'])]],
  ['a non-numeric Content-Length', [head(['POST /v1/simulations HTTP/1.1', 'Host: x', 'Content-Length: lots'])]],
  [
    'a huge Content-Length',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Content-Type: application/json',
        `Authorization: Bearer ${TOKEN}`,
        'Content-Length: 99999999999',
      ]),
    ],
  ],
  [
    'a bad chunk size',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
      ]) + 'zz\r\n{}\r\n0\r\n\r\n',
    ],
  ],
  [
    'chunks over the body limit',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Content-Type: application/json',
        `Authorization: Bearer ${TOKEN}`,
        'Transfer-Encoding: chunked',
      ]),
      ...Array.from({ length: 20 }, () => `400\r\n${'x'.repeat(1024)}\r\n`),
      '0\r\n\r\n',
    ],
  ],
  ['a NUL in a header', [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n`]],
  ['a bare CR in a header', ['GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n']],
  ['a header without a colon', ['GET /healthz HTTP/1.1\r\nHost: x\r\nnocolon\r\n\r\n']],
  ['a 64 KB header', [head(['GET /healthz HTTP/1.1', 'Host: x', `X-Big: ${'a'.repeat(65536)}`])]],
  [
    '3000 headers',
    [head(['GET /healthz HTTP/1.1', 'Host: x', ...Array.from({ length: 3000 }, (_, i) => `X-${i}: y`)])],
  ],
  ['a 100 KB path', [head([`GET /${'a'.repeat(100_000)} HTTP/1.1`, 'Host: x'])]],
  [
    'a path with raw UTF-8 and NUL bytes',
    [
      Buffer.concat([
        Buffer.from('GET /v1/evaluations/'),
        Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    ],
  ],
  ['an absolute-form URL to another host', ['GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\n\r\n']],
  ['CONNECT', ['CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n']],
  ['TRACE', ['TRACE /healthz HTTP/1.1\r\nHost: x\r\n\r\n']],
  ['an unknown method', ['BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n']],
  ['a pipelined bad request after a good one', ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n']],
  [
    'a body cut short',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Content-Type: application/json',
        `Authorization: Bearer ${TOKEN}`,
        'Content-Length: 100',
      ]) + '{"work',
    ],
  ],
  [
    'a head sent one byte every 100 ms (slowloris)',
    [...'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: '.split(''), ...Array.from({ length: 60 }, () => 'a')],
    100,
  ],
  [
    'a body that never comes',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Content-Type: application/json',
        `Authorization: Bearer ${TOKEN}`,
        `Content-Length: ${SIM.length}`,
      ]),
    ],
  ],
  [
    'an expect: 100-continue with no body',
    [
      head([
        'POST /v1/simulations HTTP/1.1',
        'Host: x',
        'Expect: 100-continue',
        'Content-Type: application/json',
        'Content-Length: 10',
      ]),
    ],
  ],
  [
    'an upgrade to websocket',
    [
      head([
        'GET /v1/evaluations HTTP/1.1',
        'Host: x',
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      ]),
    ],
  ],
];

test('raw-socket abuse: every connection answered with 4xx or closed, none 5xx, none left hanging; healthy after', async () => {
  assert.ok(server, 'the server of the first test');
  const port = Number(new URL(server!.url).port);
  const results = await Promise.all(
    RAW_CASES.map(async ([what, parts, pause]) => [what, await raw(port, [...parts], pause)] as const),
  );
  const report = results.map(([what, r]) => `${what}: ${r.hung ? 'HUNG' : (r.status ?? 'closed')}`);
  console.log(`raw sockets: ${report.join('; ')}`);
  for (const [what, r] of results) {
    assert.not.ok(r.hung, `${what}: no answer and not closed within ${HANG_MS} ms`);
    assert.ok(r.status === null || r.status < 500, `${what}: ${r.status}`);
  }
  const health = await fetchWithin(`${server!.url}/healthz`);
  assert.is(health.status, 200);
  const sim = await fetchWithin(`${server!.url}/v1/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: SIM,
  });
  assert.is(sim.status, 200);
  assert.is(server!.child.exitCode, null, 'the server is still running');
});

test.run();
