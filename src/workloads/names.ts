// The canonical workloads' names: the one list the CLI, the API schemas, the bundles and the tests read.
export const CANONICAL_WORKLOAD_NAMES = ['heston-paths', 'heston-execution'] as const;
export type CanonicalWorkloadName = (typeof CANONICAL_WORKLOAD_NAMES)[number];
