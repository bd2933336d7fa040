// Load test of the HTTP API (autocannon): `flowexec serve` in a child process, then GET /healthz and a small
// POST /v1/simulations, each for a fixed time; prints requests/s and latency percentiles (one JSON row per route).
// Run: node --import tsx bench/load.ts [--duration 10] [--connections 10] [--threads N] [--paths 1000]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    threads: { type: 'string', default: String(availableParallelism()) },
    paths: { type: 'string', default: '1000' },
  },
});
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

export interface LoadRow {
  route: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

/** A bare Hono app on node-server answering {"status":"ok"}: the ceiling of this machine, measured in the same run. */
const BARE = `import { Hono } from 'hono'; import { serve } from '@hono/node-server';
const app = new Hono(); app.get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (i) => console.log('listening on http://127.0.0.1:' + i.port));`;

async function startServer(args: string[]) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: new URL('..', import.meta.url).pathname,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function load(route: string, url: string, init: Partial<autocannon.Options>): Promise<LoadRow> {
  const connections = Number(values.connections);
  const r = await autocannon({ url, connections, duration: Number(values.duration), ...init });
  return {
    route,
    connections,
    seconds: r.duration,
    requests: r.requests.total,
    requestsPerSec: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'flowexec-load-'));
const bare = await startServer(['--input-type=module', '-e', BARE]);
let baseline: LoadRow;
try {
  baseline = await load('GET /healthz, bare Hono app (baseline)', `${bare.url}/healthz`, {});
} finally {
  await bare.stop();
}
const server = await startServer([
  '--import',
  'tsx',
  MAIN,
  'serve',
  '--port',
  '0',
  '--threads',
  values.threads!,
  '--data-dir',
  dataDir,
]);
try {
  const body = JSON.stringify({ workload: 'heston-execution', paths: Number(values.paths) });
  console.error(
    `flowexec load: ${server.url}, ${values.threads} server threads, ${cpus().length} CPUs shared by client and server, ${values.duration} s per route`,
  );
  const rows = [
    baseline,
    await load('GET /healthz', `${server.url}/healthz`, {}),
    await load(
      `POST /v1/simulations (heston-execution, ${values.paths} paths x 390 steps)`,
      `${server.url}/v1/simulations`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
    ),
  ];
  for (const row of rows) console.log(JSON.stringify(row));
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
