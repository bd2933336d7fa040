// The canonical workloads as JSON modules, for runtimes without a file system (workerd, Deno, Bun bundles).
import hestonPaths from './heston-paths.json' with { type: 'json' };
import hestonExecution from './heston-execution.json' with { type: 'json' };
import type { CanonicalWorkloadName } from './names.js';

export const BUNDLED_WORKLOADS: Record<CanonicalWorkloadName, unknown> = {
  'heston-paths': hestonPaths,
  'heston-execution': hestonExecution,
};
