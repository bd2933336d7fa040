#!/usr/bin/env node
// Installs deno, bun or workerd from npm for the API's end-to-end tests, on demand, into build/runtimes/NAME, and prints
// the binary's path. Pinned by scripts/runtimes/NAME/package.json and its lockfile (integrity-checked).
// Why not devDependencies: the registry this project installs from lacks some platform packages of deno and workerd
// (e.g. @deno/darwin-arm64), so `npm ci` would refuse the root lockfile; a plain `npm install` here skips them.
// Install scripts are not run (--ignore-scripts): the binary is taken from the platform package directly.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const RUNTIMES = ['deno', 'bun', 'workerd'];

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

/** The binary of `name`, installed first if missing (one npm install of about 100 MB; later calls return at once). */
export function runtimeBinary(name) {
  if (!RUNTIMES.includes(name)) throw new Error(`unknown runtime ${name} (one of ${RUNTIMES.join(', ')})`);
  const dir = join(root, 'build', 'runtimes', name);
  const manifest = join(root, 'scripts', 'runtimes', name);
  const wanted = readFileSync(join(manifest, 'package.json'), 'utf8');
  const installed = existsSync(join(dir, 'package.json')) ? readFileSync(join(dir, 'package.json'), 'utf8') : '';
  let binary = installed === wanted ? found(name, dir) : undefined;
  if (binary) return binary;
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(manifest, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(manifest, 'package-lock.json'), join(dir, 'package-lock.json'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  binary = found(name, dir);
  if (!binary) throw new Error(`${name}: installed into ${dir} but no binary for ${process.platform}-${process.arch} was found`);
  return binary;
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
