// Runs the flowexec CLI from source in a child process (tsx), capturing exit status and output.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/**
 * Runs flowexec with `args`. Runs are not recorded in the repository's .flowexec/ history (FLOWEXEC_NO_HISTORY=1
 * unless `env` says otherwise); an explicit --history PATH still records there.
 */
export function flowexec(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { FLOWEXEC_NO_HISTORY: '1', ...process.env, ...env },
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

/** A scratch folder for files a test writes. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'flowexec-test-'));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** Bad input: exit 2, exactly one line on stderr naming what is wrong, nothing on stdout, no stack trace. */
export function isCleanInputError(r: CliResult, mentions: RegExp): string | null {
  if (r.status !== 2) return `exit status ${r.status}, stderr: ${r.stderr}`;
  const lines = r.stderr.trimEnd().split('\n');
  if (lines.length !== 1) return `expected one line on stderr, got ${lines.length}: ${r.stderr}`;
  if (/\n\s+at /.test(r.stderr) || /Error:/.test(r.stderr)) return `stack trace or raw error: ${r.stderr}`;
  if (r.stdout !== '') return `stdout not empty: ${r.stdout}`;
  if (!mentions.test(lines[0]!)) return `message does not name the problem (${mentions}): ${lines[0]}`;
  return null;
}
