#!/usr/bin/env node
// Bundles the API's workerd, Deno and Bun entries (src/runtime/*.ts) into build/runtime/ with esbuild, beside a copy of the wasm.
// Runs in well under a second; the end-to-end tests call it. Any node:* import reaching these bundles fails the build (DESIGN rule 3).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build', 'runtime');
export const RUNTIMES = ['workerd', 'deno', 'bun'];

export async function bundleRuntimes(names = RUNTIMES) {
  const wasm = join(root, 'build', 'flowexec.wasm');
  if (!existsSync(wasm)) throw new Error('build/flowexec.wasm is missing: run `npm run build`');
  mkdirSync(out, { recursive: true });
  // tests bundle while other runtimes read this copy: replace it atomically, and only when it changed
  const copy = join(out, 'flowexec.wasm');
  if (!existsSync(copy) || !readFileSync(copy).equals(readFileSync(wasm))) {
    const temporary = `${copy}.tmp-${process.pid}`;
    copyFileSync(wasm, temporary);
    renameSync(temporary, copy);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  await Promise.all(names.map((name) => build({
    entryPoints: [join(root, 'src', 'runtime', `${name}.ts`)],
    outfile: join(out, `${name}.js`),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: name === 'workerd' ? ['workerd', 'worker', 'import'] : [name, 'import'],
    external: ['./flowexec.wasm'],
    define: { __FLOWEXEC_VERSION__: JSON.stringify(version) },
    logLevel: 'error',
    legalComments: 'none',
  })));
  return out;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const names = process.argv.slice(2);
  const dir = await bundleRuntimes(names.length ? names : RUNTIMES);
  console.log(`bundled ${(names.length ? names : RUNTIMES).join(', ')} into ${dir}`);
}
