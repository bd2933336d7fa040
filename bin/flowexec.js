#!/usr/bin/env node
// The flowexec command: runs the compiled CLI (npm ci builds it through prepare), or the TypeScript source under tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    console.error('flowexec: dist/ is missing and tsx is not installed: run `npm run build` first');
    process.exit(1);
  }
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
