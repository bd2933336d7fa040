// The policies folder of `flowexec serve --policies DIR` (saved training runs for the dashboard), and where
// `flowexec train` keeps a run's wall-clock log beside its policy file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicySource } from '../api/training-runs.js';
import { PACKAGE_ROOT } from './paths.js';

/** The example runs shipped with the package: the default folder of `flowexec serve`. */
export const EXAMPLE_POLICIES_DIR = join(PACKAGE_ROOT, 'examples', 'policies');

/** Policy files larger than this are not read (a policy of two 256-wide layers is about 2 MB of JSON). */
const MAX_POLICY_BYTES = 8 * 1024 * 1024;

/** POLICY.json -> POLICY.log.jsonl: one JSON line per training iteration, with its env-steps/s. */
export function trainingLogPath(policyPath: string): string {
  return policyPath.replace(/\.json$/i, '') + '.log.jsonl';
}

export function policyDirSource(dir: string): PolicySource {
  const readSmall = (path: string) =>
    existsSync(path) && statSync(path).isFile() && statSync(path).size <= MAX_POLICY_BYTES
      ? readFileSync(path, 'utf8')
      : undefined;
  return {
    label: dir,
    async list() {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    },
    async read(file) {
      if (file.includes('/') || file.includes('\\') || file.startsWith('.')) return undefined;
      const path = join(dir, file);
      const text = readSmall(path);
      if (text === undefined) return undefined;
      const log = readSmall(trainingLogPath(path));
      return { text, ...(log !== undefined ? { log } : {}) };
    },
  };
}
