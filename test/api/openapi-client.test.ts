// /openapi.json as clients use it: the served document passes `redocly lint` (recommended rules) with no error and no
// warning, and a client generated from it (openapi-typescript types + openapi-fetch) type-checks and drives the server.
// test-timeout-s: 600
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { ROOT, startNodeServe, type Server } from '../runtime/support.js';

const TOKEN = 'openapi-client-test-token-0123456789';
// inside the repository (build/ is ignored), so the client resolves openapi-fetch from our node_modules
const dir = join(ROOT, 'build', `openapi-client-${process.pid}`);
mkdirSync(dir, { recursive: true });
let server: Server;
let doc: Record<string, any>;

test.before(async () => {
  server = await startNodeServe(['--threads', '1'], { FLOWEXEC_API_TOKEN: TOKEN });
  doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Record<string, any>;
});

test('redocly lint (recommended rules) reports 0 errors and 0 warnings on the served /openapi.json', () => {
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
  let out: string;
  try {
    out = execFileSync(join(ROOT, 'node_modules/.bin/redocly'), ['lint', join(dir, 'openapi.json'), '--format=json'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out.slice(out.indexOf('{'))) as {
    totals: { errors: number; warnings: number };
    problems: Array<{ ruleId: string; message: string }>;
  };
  assert.equal(
    report.problems.map((p) => `${p.ruleId}: ${p.message}`),
    [],
  );
  assert.equal({ errors: report.totals.errors, warnings: report.totals.warnings }, { errors: 0, warnings: 0 });
});

test('every operation has an operationId and declares its 4xx errors; bearer auth is a security scheme; servers and licence are listed', () => {
  const operations = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((item) =>
    Object.values(item),
  );
  assert.ok(operations.length >= 11);
  for (const op of operations) {
    assert.type(op.operationId, 'string');
    assert.ok(
      Object.keys(op.responses).some((code) => /^4/.test(code)),
      `${op.operationId} declares a 4xx`,
    );
    assert.ok(op.responses['500'], `${op.operationId} declares 500`);
    assert.ok(Array.isArray(op.security), `${op.operationId} states its security`);
  }
  assert.equal(doc.components.securitySchemes.bearer, {
    type: 'http',
    scheme: 'bearer',
    description: doc.components.securitySchemes.bearer.description,
  });
  assert.ok(doc.servers.length > 0 && doc.info.license.identifier === 'Apache-2.0');
});

test('a client generated from /openapi.json type-checks and drives the running server: reads, a simulation, a job to completion, typed errors', async () => {
  // defaultNonNullable: false, or openapi-typescript makes every field with a default required in request bodies too
  writeFileSync(
    join(dir, 'flowexec-api.d.ts'),
    astToString(await openapiTS(doc as never, { defaultNonNullable: false })),
  );
  writeFileSync(join(dir, 'client.ts'), CLIENT);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ['*.ts'],
    }),
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(dir, 'client.ts'), server.url, TOKEN], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const r = JSON.parse(out) as Record<string, any>;
  assert.is(r.health, 'ok');
  assert.equal(r.workloads, ['heston-paths', 'heston-execution']);
  assert.is(r.simulation.format, 'flowexec-simulation');
  assert.is(r.simulation.paths, 1000);
  assert.equal(r.invalid, { status: 422, field: 'paths' });
  assert.is(r.unauthorized, 401);
  assert.is(r.job.status, 'succeeded');
  assert.is(r.job.result.format, 'flowexec-evaluation');
  assert.is(r.cancelFinished, 409);
  assert.ok(r.listed >= 1);
  assert.is(r.missing, 404);
});

test.after(async () => {
  await server?.stop();
  if (!process.env.KEEP_OPENAPI_CLIENT) rmSync(dir, { recursive: true, force: true });
});

const CLIENT = `// A client of the FlowExec API from its generated types: every call below is checked by tsc against /openapi.json.
import createClient from 'openapi-fetch';
import type { paths } from './flowexec-api.js';

const [baseUrl, token] = process.argv.slice(2) as [string, string];
const client = createClient<paths>({ baseUrl });
const auth = { headers: { authorization: 'Bearer ' + token } };

const health = await client.GET('/healthz');
const workloads = await client.GET('/v1/workloads');
const simulation = await client.POST('/v1/simulations', { body: { workload: 'heston-execution', paths: 1000 }, ...auth });
const invalid = await client.POST('/v1/simulations', { body: { workload: 'heston-execution', paths: -1 }, ...auth });
const config = {
  market: { model: { type: 'gbm' as const, s0: 100, sigma: 0.2 }, dailyVolume: 1e7 },
  order: { shares: 1e5, horizonMinutes: 60, steps: 12 },
  strategies: [{ type: 'twap' as const }, { type: 'vwap' as const }],
  evaluation: { paths: 2000 },
};
const unauthorized = await client.POST('/v1/evaluations', { body: config });
const started = await client.POST('/v1/evaluations', { body: config, ...auth });
if (!started.data) throw new Error('no job: ' + JSON.stringify(started.error));
const id = started.data.id;
let job = started.data;
for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const got = await client.GET('/v1/evaluations/{id}', { params: { path: { id } } });
  if (got.data) job = got.data;
}
const cancelFinished = await client.DELETE('/v1/evaluations/{id}', { params: { path: { id } }, ...auth });
const list = await client.GET('/v1/evaluations', { params: { query: { limit: 5 } } });
const missing = await client.GET('/v1/evaluations/{id}', { params: { path: { id: id.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } } });

console.log(JSON.stringify({
  health: health.data?.status,
  workloads: workloads.data?.items.map((w) => w.name),
  simulation: simulation.data,
  invalid: { status: invalid.response.status, field: invalid.error?.error.field },
  unauthorized: unauthorized.response.status,
  job: { status: job.status, result: job.result },
  cancelFinished: cancelFinished.response.status,
  listed: list.data?.items.length ?? 0,
  missing: missing.response.status,
}));
`;

test.run();
