// The test runner itself: a file past its deadline is killed with what it started and counted as failed; a filter that
// matches nothing fails the run; the last line is always "N passed, N failed".
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { waitFor } from '../support/wait.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** The default limit in the test (TEST_FILE_TIMEOUT_S): only the file without a limit of its own gets it. */
const TIMEOUT_S = 1;
/** The hanging file's own limit: time to start tsx and its child on a loaded machine. */
const HANG_LIMIT_S = 15;
const RUNNER = join(ROOT, 'scripts/run-tests.mjs');

/** Fixture test files under build/ (inside the repository, so they resolve uvu from its node_modules). */
const dir = mkdtempSync(join(ROOT, 'build', 'runner-fixture-'));
const pidFile = join(dir, 'grandchild.pid');
mkdirSync(join(dir, 'cases'));
// declares a limit of its own, far above the 1 s default the test sets, so it passes however loaded the machine
writeFileSync(
  join(dir, 'cases', 'passes.test.ts'),
  `// A passing file.\n// test-timeout-s: 120\nimport { test } from 'uvu';\ntest('one', () => {});\ntest('two', () => {});\ntest.run();\n`,
);
// would pass after 60 s, but has only the default limit
writeFileSync(
  join(dir, 'cases', 'slow.test.ts'),
  `import { test } from 'uvu';\ntest('late', async () => { await new Promise((r) => setTimeout(r, 60_000)); });\ntest.run();\n`,
);
// starts a process of its own that would outlive it, then never ends; its own limit lets it start that process first
writeFileSync(
  join(dir, 'cases', 'hangs.test.ts'),
  `// test-timeout-s: ${HANG_LIMIT_S}\nimport { spawn } from 'node:child_process';\nimport { writeFileSync } from 'node:fs';
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));\nsetInterval(() => {}, 1000);\n`,
);
test.after(() => rmSync(dir, { recursive: true, force: true }));

function runner(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUNNER, ...args], {
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

/** Whether pid runs (a zombie, dead but not yet reaped by init, does not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('a file past its limit fails with its name and the limit, and what it started is killed too; a file may raise its own', async () => {
  const r = await runner([], {
    TEST_DIR: relative(ROOT, join(dir, 'cases')),
    TEST_FILE_TIMEOUT_S: String(TIMEOUT_S),
    TEST_CONCURRENCY: '3',
  });
  assert.is(r.status, 1, r.stdout);
  assert.match(
    r.stdout,
    new RegExp(`FAIL build/runner-fixture-\\w+/cases/hangs\\.test\\.ts \\(timed out after ${HANG_LIMIT_S} s`),
  );
  assert.match(
    r.stdout,
    new RegExp(`FAIL build/runner-fixture-\\w+/cases/slow\\.test\\.ts \\(timed out after ${TIMEOUT_S} s`),
  );
  assert.match(r.stdout, /ok {3}build\/runner-fixture-\w+\/cases\/passes\.test\.ts \(2, [\d.]+ s\)/);
  assert.is(r.stdout.trimEnd().split('\n').at(-1), '2 passed, 2 failed');
  const pid = Number(readFileSync(pidFile, 'utf8'));
  assert.ok(pid > 0);
  await waitFor(`the hanging file's child ${pid} to be gone`, () => !alive(pid), 10_000);
});

test('a filter that matches no test file fails the run with a clear line', async () => {
  const r = await runner(['no-such-test-file'], {});
  assert.is(r.status, 1);
  assert.match(r.stdout, /no test file under test\/ matches \/no-such-test-file\//);
  assert.is(r.stdout.trimEnd().split('\n').at(-1), '0 passed, 1 failed');
});

test('a bad TEST_FILE_TIMEOUT_S is refused, naming the variable', async () => {
  const r = await runner([], { TEST_FILE_TIMEOUT_S: 'soon' });
  assert.is(r.status, 2);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /TEST_FILE_TIMEOUT_S must be a positive number of seconds/);
});

test.run();
