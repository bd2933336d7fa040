// Reading user files for the CLI: JSON with clear errors, bare workload names resolved against bench/workloads.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { InputError } from '../market/validation.js';
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
