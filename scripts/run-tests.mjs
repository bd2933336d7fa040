#!/usr/bin/env node
// Runs every uvu test file under test/ (TypeScript through tsx) and ends with one line "N passed, N failed".
// uvu prints no failure count, so each file runs in its own process (two at a time) and its summary is parsed.
// Each file runs in a process group of its own with a deadline (TEST_FILE_TIMEOUT_S, default 300 s; a file that
// needs more says so in a line `// test-timeout-s: N` near its top): a file that outlives it is killed with everything
// it started (servers, runtimes) and counted as failed, so a hang cannot stall CI. A filter (argv[2], a regex over
// paths) that matches no test file fails the run.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ? new RegExp(process.argv[2]) : null;
/** Where the test files are, relative to the repository (TEST_DIR, for the runner's own test). */
const testDir = process.env.TEST_DIR ?? 'test';
const DEFAULT_TIMEOUT_S = 300;
const timeoutS = Number(process.env.TEST_FILE_TIMEOUT_S ?? DEFAULT_TIMEOUT_S);
if (!(timeoutS > 0)) {
  console.error(`TEST_FILE_TIMEOUT_S must be a positive number of seconds (got '${process.env.TEST_FILE_TIMEOUT_S}')`);
  process.exit(2);
}
/** After SIGTERM to a timed-out file's group, how long before SIGKILL. */
const KILL_GRACE_MS = 5000;

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

const files = walk(join(root, testDir)).sort().filter((f) => !filter || filter.test(relative(root, f)));
if (files.length === 0) {
  console.log(`FAIL no test file under ${testDir}/ matches ${filter}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY) || 2);
let passed = 0, failed = 0;
const failures = [];
/** Process groups still running, killed if the runner itself is stopped. */
const groups = new Set();

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* the group has already gone */ }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
    process.exit(130);
  });
}

/** The file's deadline, s: its own `// test-timeout-s: N` (in its first 2000 characters) if longer than the default. */
function fileTimeoutS(file) {
  const own = Number(/^\/\/ test-timeout-s: (\d+)\s*$/m.exec(readFileSync(file, 'utf8').slice(0, 2000))?.[1] ?? 0);
  return Math.max(timeoutS, own);
}

function runFile(file) {
  return new Promise((resolve) => {
    // Each test file ends with uvu's test.run(), so running the file is running its suite. detached: a process group
    // of its own, so a timeout ends the servers and runtimes the file started too.
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, detached: true, env: { ...process.env, NO_COLOR: '1' } });
    groups.add(child.pid);
    const started = performance.now();
    let out = '';
    let timedOut = false;
    let killTimer;
    const limitS = fileTimeoutS(file);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
    }, limitS * 1000);
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      killGroup(child.pid, 'SIGKILL'); // anything the file left behind in its group
      groups.delete(child.pid);
      const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? NaN);
      const ok = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? NaN);
      const name = relative(root, file);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (timedOut) {
        failed += 1;
        failures.push(name);
        process.stdout.write(`FAIL ${name} (timed out after ${limitS} s; TEST_FILE_TIMEOUT_S or a '// test-timeout-s: N' line sets the limit)\n${out}\n`);
      } else if (Number.isNaN(total) || Number.isNaN(ok)) {
        failed += 1; // the file did not even report: count it as one failure
        failures.push(name);
        process.stdout.write(`FAIL ${name} (no summary, exit ${code ?? signal})\n${out}\n`);
      } else {
        passed += ok; failed += total - ok;
        if (total !== ok || code !== 0) {
          if (total === ok) failed += 1;
          failures.push(name);
          process.stdout.write(`FAIL ${name} (${seconds} s)\n${out}\n`);
        } else {
          process.stdout.write(`ok   ${name} (${ok}, ${seconds} s)\n`);
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
