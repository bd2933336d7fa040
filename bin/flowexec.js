#!/usr/bin/env node
// The flowexec command: runs the compiled CLI (npm ci builds it through prepare), or the TypeScript source under tsx.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  // a source checkout without a build: run under tsx, with --import so worker threads inherit it
  const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.error) {
    console.error('flowexec: dist/ is missing and tsx could not run the source: run `npm run build` first');
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}
