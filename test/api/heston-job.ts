// An evaluation config that is the heston-execution workload (TWAP under Heston with impact) with a chosen path count.
import { executionWorkloadConfig } from '../../src/eval/workload-plan.js';
import type { ExecutionWorkload } from '../../src/market/workload.js';
import { canonical } from '../support/workloads.js';

export function hestonJob(paths: number, seed = 20240601): Record<string, unknown> {
  return {
    ...executionWorkloadConfig(canonical('heston-execution') as ExecutionWorkload, { paths, seed, scheme: 'euler' }),
    name: `heston-${paths}`,
  };
}
