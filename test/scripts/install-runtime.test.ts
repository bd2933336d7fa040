// scripts/install-runtime.mjs without the network: a cached install whose lock matches is used without npm, another
// lock's install is not, and an install that fails or hangs is an error naming the runtime and why, within its limit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { scratchDir } from '../support/cli.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCRIPT = join(ROOT, 'scripts/install-runtime.mjs');
/** Where an install without scripts leaves deno's binary on this machine (the script's first candidate). */
const DENO_BINARY = `node_modules/@deno/${process.platform}-${process.arch}-glibc/deno`;

/** The cache key the script documents: NAME-<first 16 hex of sha256(package.json, package-lock.json)>. */
function cacheName(name: string): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json'])
    hash.update(readFileSync(join(ROOT, 'scripts/runtimes', name, file)));
  return `${name}-${hash.digest('hex').slice(0, 16)}`;
}

/** A finished install with a stand-in binary (the script takes any file over 1 MB at the binary's path). */
function fakeInstall(dir: string): string {
  const binary = join(dir, DENO_BINARY);
  mkdirSync(join(binary, '..'), { recursive: true });
  writeFileSync(binary, Buffer.alloc(1_100_000));
  writeFileSync(join(dir, '.flowexec-installed'), 'deno test\n');
  return binary;
}

function install(
  name: string,
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, name], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A registry at `port`, with an empty npm cache so nothing is installed from earlier downloads, and no retries. */
function offline(cache: string, port: number): Record<string, string> {
  return {
    FLOWEXEC_RUNTIME_CACHE: cache,
    npm_config_registry: `http://127.0.0.1:${port}/`,
    npm_config_cache: join(cache, '.npm'),
    npm_config_fetch_retries: '0',
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** A port nothing listens on: connections are refused at once. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const leftovers = (cache: string) => readdirSync(cache).filter((e) => e.includes('.partial-'));

test('a cached install whose lock matches is used as is: no npm runs (the registry is unreachable)', async () => {
  const cache = scratchDir();
  const binary = fakeInstall(join(cache, cacheName('deno')));
  const r = await install('deno', offline(cache, await refusedPort()));
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout.trim(), binary);
  rmSync(cache, { recursive: true, force: true });
});

test("an install of another lock is not used; an install that fails names the runtime and npm's reason, and leaves nothing", async () => {
  const cache = scratchDir();
  fakeInstall(join(cache, 'deno-0000000000000000'));
  const r = await install('deno', offline(cache, await refusedPort()));
  assert.is(r.status, 1, r.stdout);
  assert.match(
    r.stderr,
    /^install-runtime: deno: npm install failed \(exit \d+\): code ECONNREFUSED .*request to http:\/\/127\.0\.0\.1:\d+\/deno failed/,
  );
  assert.is(r.stdout, '');
  assert.not.ok(existsSync(join(cache, cacheName('deno'))));
  assert.equal(leftovers(cache), []);
  rmSync(cache, { recursive: true, force: true });
});

/** The install limit of the hang case: what it costs the test, and enough for npm to start on a loaded machine. */
const HANG_LIMIT_S = 10;

test('an install that hangs (a registry that never answers) is stopped at FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S and says so', async () => {
  const cache = scratchDir();
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
  }); // accepts, reads, never answers
  const port = await listen(silent);
  try {
    const r = await install('deno', {
      ...offline(cache, port),
      FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S: String(HANG_LIMIT_S),
    });
    assert.is(r.status, 1, r.stdout);
    assert.is(
      r.stderr.trim(),
      `install-runtime: deno: npm install did not finish within ${HANG_LIMIT_S} s (FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S)`,
    );
    assert.equal(leftovers(cache), []);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    rmSync(cache, { recursive: true, force: true });
  }
});

test('an unknown runtime or a bad timeout is an error naming it', async () => {
  const cache = scratchDir();
  assert.match(
    (await install('node', offline(cache, await refusedPort()))).stderr,
    /unknown runtime node \(one of deno, bun, workerd\)/,
  );
  const r = await install('deno', {
    ...offline(cache, await refusedPort()),
    FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S: 'never',
  });
  assert.match(r.stderr, /FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S must be a positive number of seconds/);
  rmSync(cache, { recursive: true, force: true });
});

test.run();
