// flowexec demo: both canonical workloads on their defaults, each estimate beside its exact oracle.
import { parseWorkload, type PathsWorkload } from '../market/workload.js';
import { simulate } from '../index.js';
import { parseCommand, threadsOption } from './args.js';
import { readJsonFile, resolveWorkloadPath } from './files.js';
import { runWithProgress } from './run.js';
import { DEFAULT_SEED } from '../eval/config.js';
import { formatRun } from './format-run.js';
import { exactCallPrice } from './oracles.js';
import { CANONICAL_WORKLOAD_NAMES } from '../workloads/names.js';

/** 252-step Euler discretised price of heston-paths, from 1e8-path runs (../shared/references): what the MC converges to. */
const DISCRETISED_252_STEP_PRICE = { value: 6.75502, stderr: 0.00027 };

export async function demoCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(args, { threads: { type: 'string' } }, 0);
  const threads = threadsOption(values);
  console.log(
    'FlowExec demo: the two canonical workloads at their defaults (src/workloads), Monte Carlo beside exact values.\n',
  );
  for (const name of CANONICAL_WORKLOAD_NAMES) {
    const workload = parseWorkload(readJsonFile(resolveWorkloadPath(name), 'workload file'));
    const result = await runWithProgress(name, threads, (executor, onProgress) =>
      simulate(workload, { executor, seed: DEFAULT_SEED, scheme: 'euler', onProgress }),
    );
    const exact = workload.kind === 'paths' ? exactCallPrice(workload as PathsWorkload) : undefined;
    console.log(formatRun(result, exact));
    if (workload.kind === 'paths' && result.steps === 252) {
      const { value, stderr } = DISCRETISED_252_STEP_PRICE;
      const z = (result.mean - value) / Math.sqrt(result.stderr * result.stderr + stderr * stderr);
      console.log(`  252-step scheme ${value} (published, SE ${stderr}): (mean - it) / SE = ${z.toFixed(2)}`);
    }
    console.log('');
  }
}
