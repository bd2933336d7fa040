// tinybench around long-running tasks: a fixed number of timed runs after one warm-up, latency in ms.
import { Bench } from 'tinybench';

export interface Timing {
  /** Mean wall time of one run, seconds. */
  seconds: number;
  /** Relative margin of error of the mean (tinybench's rme, percent). */
  rmePercent: number;
  runs: number;
}

export async function measure(name: string, task: () => Promise<unknown> | unknown, runs = 3): Promise<Timing> {
  const bench = new Bench({
    time: 0,
    iterations: runs,
    warmup: true,
    warmupIterations: 1,
    warmupTime: 0,
    throws: true,
  });
  bench.add(name, task);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`benchmark ${name} did not complete (${result.state})`);
  return { seconds: result.latency.mean / 1000, rmePercent: result.latency.rme, runs: result.latency.samplesCount };
}
