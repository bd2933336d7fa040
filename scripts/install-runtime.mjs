#!/usr/bin/env node
// Installs deno, bun or workerd from npm for the API's end-to-end tests, on demand, and prints the binary's path.
// Pinned by scripts/runtimes/NAME/package.json and its lockfile (integrity-checked). Installs are cached between runs
// (and clones) in FLOWEXEC_RUNTIME_CACHE (default ~/.cache/flowexec/runtimes), one folder per lockfile hash: an
// installed runtime whose lock matches is used at once, a changed lock installs afresh (installs of other locks are
// dropped once unused for 30 days). An install that fails or outlives FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S (default
// 300 s) is an error naming the runtime and the reason.
// Why not devDependencies: the registry this project installs from lacks some platform packages of deno and workerd
// (e.g. @deno/darwin-arm64), so `npm ci` would refuse the root lockfile; a plain `npm install` here skips them.
// Install scripts are not run (--ignore-scripts): the binary is taken from the platform package directly.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const RUNTIMES = ['deno', 'bun', 'workerd'];
const DEFAULT_TIMEOUT_S = 300;
/** Written last into a finished install: a folder without it is a partial one. */
const MARKER = '.flowexec-installed';

const arch = process.arch === 'x64' ? 'x64' : process.arch;
/** Where each package puts its binary, platform package first (what an install without scripts leaves). */
const CANDIDATES = {
  deno: [`@deno/${process.platform}-${arch}-glibc/deno`, `@deno/${process.platform}-${arch}/deno`, 'deno/deno'],
  bun: [`@oven/bun-${process.platform}-${arch}/bin/bun`, `@oven/bun-${process.platform}-${arch}-baseline/bin/bun`, 'bun/bin/bun.exe'],
  workerd: [`@cloudflare/workerd-${process.platform}-${arch === 'x64' ? '64' : arch}/bin/workerd`, 'workerd/bin/workerd'],
};

function found(name, dir) {
  for (const candidate of CANDIDATES[name]) {
    const path = join(dir, 'node_modules', candidate);
    if (existsSync(path) && statSync(path).size > 1_000_000) return path; // a real binary, not a placeholder
  }
  return undefined;
}

function cacheRoot() {
  return process.env.FLOWEXEC_RUNTIME_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'flowexec', 'runtimes');
}

/** The cache folder of `name` at its pinned versions: NAME-<first 16 hex of sha256(package.json, lockfile)>. */
export function runtimeCacheDir(name) {
  const manifest = join(root, 'scripts', 'runtimes', name);
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(manifest, file)));
  return join(cacheRoot(), `${name}-${hash.digest('hex').slice(0, 16)}`);
}

function installTimeoutS() {
  const raw = process.env.FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S;
  const s = Number(raw ?? DEFAULT_TIMEOUT_S);
  if (!(s > 0)) throw new Error(`FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S must be a positive number of seconds (got '${raw}')`);
  return s;
}

/** What npm said before its stack trace ("code ECONNREFUSED | ... | FetchError: request to ... failed"): the reason. */
function reason(error) {
  const lines = [];
  for (const raw of String(error.stderr ?? '').split('\n')) {
    if (/Unknown user config/.test(raw)) continue;
    const line = raw.replace(/^npm (?:error|ERR!)\s?/, '').trim();
    if (/^at /.test(line) || (lines.length && line === '')) break;
    if (line) lines.push(line);
  }
  return lines.join(' | ').slice(0, 500) || error.message;
}

/** The binary of `name`, installed first unless the cache holds its pinned versions (one npm install of ~100 MB). */
export function runtimeBinary(name) {
  if (!RUNTIMES.includes(name)) throw new Error(`unknown runtime ${name} (one of ${RUNTIMES.join(', ')})`);
  const dir = runtimeCacheDir(name);
  let binary = existsSync(join(dir, MARKER)) ? found(name, dir) : undefined;
  if (binary) {
    const now = new Date();
    utimesSync(join(dir, MARKER), now, now); // last used: what pruning goes by
    return binary;
  }
  const timeoutS = installTimeoutS();
  // install beside the final folder and rename when done: a killed install leaves no half folder that looks finished,
  // and of two installs racing (two clones, two test files) the first rename wins and the other uses it
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const manifest = join(root, 'scripts', 'runtimes', name);
    copyFileSync(join(manifest, 'package.json'), join(partial, 'package.json'));
    copyFileSync(join(manifest, 'package-lock.json'), join(partial, 'package-lock.json'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    try {
      execFileSync(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--prefer-offline', '--loglevel=error'], {
        cwd: partial, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutS * 1000, killSignal: 'SIGKILL', encoding: 'utf8',
      });
    } catch (error) {
      if (error.code === 'ETIMEDOUT') throw new Error(`${name}: npm install did not finish within ${timeoutS} s (FLOWEXEC_RUNTIME_INSTALL_TIMEOUT_S)`);
      throw new Error(`${name}: npm install failed (exit ${error.status ?? error.signal}): ${reason(error)}`);
    }
    if (!found(name, partial)) throw new Error(`${name}: installed, but no binary for ${process.platform}-${process.arch} was found`);
    writeFileSync(join(partial, MARKER), `${name} ${new Date().toISOString()}\n`);
    try {
      if (existsSync(dir) && !existsSync(join(dir, MARKER))) rmSync(dir, { recursive: true, force: true }); // a broken one
      renameSync(partial, dir);
    } catch (error) {
      if (!existsSync(join(dir, MARKER))) throw error; // not a lost race: a real failure
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  binary = found(name, dir);
  if (!binary) throw new Error(`${name}: installed into ${dir} but no binary for ${process.platform}-${process.arch} was found`);
  prune(name, dir);
  return binary;
}

/** Unused this long, an install of another version of a runtime is dropped (each is ~100 MB). */
const PRUNE_AFTER_DAYS = 30;

/**
 * Drops finished installs of other versions of `name` not used for PRUNE_AFTER_DAYS. Not at once: two checkouts on
 * different locks share the cache and would otherwise delete each other's install on every run.
 */
function prune(name, keep) {
  const parent = join(keep, '..');
  const before = Date.now() - PRUNE_AFTER_DAYS * 86_400_000;
  for (const entry of readdirSync(parent)) {
    const path = join(parent, entry);
    const marker = join(path, MARKER);
    if (path !== keep && entry.startsWith(`${name}-`) && !entry.includes('.partial-') && existsSync(marker) && statSync(marker).mtimeMs < before) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const names = process.argv.slice(2);
  try {
    for (const name of names.length ? names : RUNTIMES) console.log(runtimeBinary(name));
  } catch (error) {
    console.error(`install-runtime: ${error.message}`);
    process.exit(1);
  }
}
