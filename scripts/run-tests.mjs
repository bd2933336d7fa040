#!/usr/bin/env node
// Runs every uvu test file under test/ (TypeScript through tsx) and ends with one line "N passed, N failed".
// uvu prints no failure count, so each file runs in its own process (two at a time) and its summary is parsed.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ? new RegExp(process.argv[2]) : null;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.test\.ts$/.test(name) ? [path] : [];
  });
}

if (!existsSync(join(root, 'build/flowexec.wasm'))) {
  console.error('build/flowexec.wasm is missing: run `npm run build` (npm ci runs it through prepare).');
  process.exit(1);
}

const files = walk(join(root, 'test')).sort().filter((f) => !filter || filter.test(relative(root, f)));
const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY) || 2);
let passed = 0, failed = 0;
const failures = [];

function runFile(file) {
  return new Promise((resolve) => {
    // Each test file ends with uvu's test.run(), so running the file is running its suite.
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? NaN);
      const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? NaN);
      const name = relative(root, file);
      if (Number.isNaN(total) || Number.isNaN(ok)) {
        failed += 1; // the file did not even report: count it as one failure
        failures.push(name);
        process.stdout.write(`FAIL ${name} (no summary, exit ${code})\n${out}\n`);
      } else {
        passed += ok; failed += total - ok;
        if (total !== ok || code !== 0) {
          if (total === ok) failed += 1;
          failures.push(name);
          process.stdout.write(`FAIL ${name}\n${out}\n`);
        } else {
          process.stdout.write(`ok   ${name} (${ok})\n`);
        }
      }
      resolve();
    });
  });
}

const queue = [...files];
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (queue.length) await runFile(queue.shift());
}));
if (failures.length) console.log(`\nfailed files: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
