// A few sample executions of an evaluation, for charts: the first paths' unimpacted mid prices and, per strategy, the
// child orders it sent on each of them (static schedules send the same ones on every path; closed-loop ones react).

/** Sample paths per evaluation result (the first paths of the run's seed: common to every strategy). */
export const SAMPLE_EXECUTION_PATHS = 3;
/** Horizons of more steps get no sample executions (the charts thin to a few hundred bars anyway). */
export const MAX_SAMPLE_EXECUTION_STEPS = 2000;

export interface SampleExecutions {
  /** Paths 0 .. paths - 1 of the run's seed. */
  paths: number;
  /** Minutes after the order's start of each step boundary (steps + 1 values). */
  minutes: number[];
  /** [path][steps + 1]: unimpacted mid price S_0 .. S_steps (the draws every strategy saw). */
  prices: number[][];
  /** By strategy name: [path][step] shares sent at that step (a strategy the sampler cannot replay is left out). */
  childShares: Record<string, number[][]>;
}
