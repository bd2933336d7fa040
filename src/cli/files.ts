// User files for the CLI: JSON read with clear errors, bare workload names resolved against src/workloads, output
// files checked before any work and written atomically.
import { readFileSync, existsSync, statSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { join, basename, dirname, extname, resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { WORKLOADS_DIR } from '../runtime/paths.js';

/** A path, or a canonical workload's bare name (heston-paths, heston-execution). */
export function resolveWorkloadPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const candidate = join(WORKLOADS_DIR, arg.endsWith('.json') ? basename(arg) : `${arg}.json`);
  if (!arg.includes('/') && existsSync(candidate)) return candidate;
  throw new InputError(`workload file not found: ${arg}`);
}

export function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path)) throw new InputError(`${what} not found: ${path}`);
  if (statSync(path).isDirectory()) throw new InputError(`${what} is a directory, not a file: ${path}`);
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

/**
 * Checks an output file option (--out, --sample-out) before any work: its folder exists, it is not a folder, and its
 * extension names one of `formats`.
 */
export function outputTarget<F extends string = 'json' | 'csv'>(
  value: string | undefined,
  option = 'out',
  formats: readonly F[] = ['json', 'csv'] as unknown as F[],
): { path: string; format: F } | undefined {
  if (value === undefined) return undefined;
  const path = resolve(value);
  const format = formats.find((f) => extname(path).toLowerCase() === `.${f}`);
  if (!format)
    throw new InputError(
      `--${option} must end in ${formats.map((f) => `.${f}`).join(' or ')} (got "${value}")`,
      option,
    );
  if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory())
    throw new InputError(`--${option}: folder does not exist: ${dirname(path)}`, option);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new InputError(`--${option} is a directory: ${value}`, option);
  return { path, format };
}

/** Writes a file atomically: a reader sees the old file or the whole new one, never half of it. */
export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}

/** The command a JSON document is for, from its top-level keys: a workload (run), an evaluation or a training config. */
export function documentKind(raw: unknown): 'workload' | 'evaluation' | 'training' | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const has = (k: string) => k in raw;
  if (has('ppo')) return 'training';
  if (has('heston') || has('payoff') || has('horizonYears')) return 'workload';
  if (has('market') && (has('order') || has('strategies'))) return 'evaluation';
  return undefined;
}

const COMMAND_OF = {
  workload: 'flowexec run',
  evaluation: 'flowexec evaluate',
  training: 'flowexec train ppo',
} as const;

/** Refuses a document meant for another command, naming the right one. */
export function expectDocument(
  raw: unknown,
  path: string,
  expected: Array<'workload' | 'evaluation' | 'training'>,
): void {
  const kind = documentKind(raw);
  if (kind && !expected.includes(kind)) {
    throw new InputError(
      `${path} is ${kind === 'workload' ? 'a workload' : kind === 'evaluation' ? 'an evaluation config' : 'a training config (it has a "ppo" section)'}, for \`${COMMAND_OF[kind]} ${path}\``,
    );
  }
}
