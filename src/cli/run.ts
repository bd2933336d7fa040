// flowexec run WORKLOAD.json: one canonical workload, human output or one JSON line.
import { RUN_USAGE } from './usage.js';
import { parseWorkload } from '../market/workload.js';
import { InputError } from '../errors/input-error.js';
import { simulate, type SimulationResult } from '../index.js';
import type { ShardExecutor } from '../eval/executor.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { createNodeEngine } from '../runtime/node.js';
import { executorFor } from '../runtime/node-pool.js';
import { DEFAULT_SEED } from '../eval/config.js';
import { parseCommand, integerOption, choiceOption, threadsOption } from './args.js';
import { readJsonFile, resolveWorkloadPath, outputTarget, writeAtomically, expectDocument } from './files.js';
import { progressBar } from './progress.js';
import { formatRun } from './format-run.js';
import { exactCallPrice } from './oracles.js';
import { samplePricePaths, MAX_SAMPLE_PATHS, type SampledPaths } from '../eval/sample-paths.js';
import { planFromWorkload } from '../eval/workload-plan.js';
import { REMOTE_OPTIONS, remoteExecutor } from './remote.js';

/** Sampled paths as CSV: one row per path, columns S_0 .. S_steps. */
function sampleCsv(s: SampledPaths): string {
  const header = ['path', ...Array.from({ length: s.steps + 1 }, (_, k) => `s${k}`)].join(',');
  const rows = Array.from({ length: s.paths }, (_, i) =>
    [i, ...s.prices.subarray(i * (s.steps + 1), (i + 1) * (s.steps + 1))].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

function sampleJson(workload: string, seed: number, s: SampledPaths) {
  return {
    workload,
    seed,
    steps: s.steps,
    dtYears: s.dtYears,
    prices: Array.from({ length: s.paths }, (_, i) =>
      Array.from(s.prices.subarray(i * (s.steps + 1), (i + 1) * (s.steps + 1))),
    ),
  };
}

const OPTIONS = {
  paths: { type: 'string' },
  steps: { type: 'string' },
  seed: { type: 'string' },
  scheme: { type: 'string' },
  precision: { type: 'string' },
  threads: { type: 'string' },
  'shard-paths': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'sample-paths': { type: 'string' },
  'sample-out': { type: 'string' },
  ...REMOTE_OPTIONS,
} as const;

export async function runCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, OPTIONS, 1);
  if (values.help) {
    console.log(`usage: ${RUN_USAGE}`);
    return;
  }
  if (positionals.length === 0) throw new InputError(`missing WORKLOAD.json (usage: ${RUN_USAGE})`);
  const rawWorkload = readJsonFile(resolveWorkloadPath(positionals[0]!), 'workload file');
  expectDocument(rawWorkload, positionals[0]!, ['workload']);
  const workload = parseWorkload(rawWorkload);
  const paths = integerOption(values, 'paths', 1, 4294967295);
  const steps = integerOption(values, 'steps', 1, 1_000_000);
  const seed = integerOption(values, 'seed', 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_SEED;
  const scheme = choiceOption(values, 'scheme', ['euler', 'qe'] as const) ?? 'euler';
  const precision = choiceOption(values, 'precision', ['f64', 'f32'] as const) ?? workload.precision ?? 'f64';
  const threads = threadsOption(values);
  const shardPaths = integerOption(values, 'shard-paths', 1000, 1e9);
  if (shardPaths !== undefined && shardPaths % 1000 !== 0)
    throw new InputError(`--shard-paths must be a multiple of 1000 (one chunk), got ${shardPaths}`);
  if (scheme === 'qe' && workload.heston.xi === 0)
    throw new InputError('heston.xi: must be > 0 for the QE scheme (use --scheme euler)');
  const sampleCount = integerOption(values, 'sample-paths', 1, MAX_SAMPLE_PATHS);
  if ((sampleCount === undefined) !== (values['sample-out'] === undefined))
    throw new InputError('--sample-paths and --sample-out go together', 'sample-paths');
  const sampleTarget =
    values['sample-out'] === undefined ? undefined : outputTarget(values['sample-out'], 'sample-out');
  const remote = await remoteExecutor(values);
  const result = await runWithProgress(
    workload.name,
    threads,
    (executor, onProgress) =>
      simulate(workload, { executor, paths, steps, seed, scheme, precision, shardPaths, onProgress }),
    remote,
  );
  if (sampleTarget && sampleCount) {
    const plan = planFromWorkload(workload, { paths, steps, seed, scheme, precision });
    const sample = samplePricePaths(new WasmBackend(await createNodeEngine()), plan, sampleCount);
    writeAtomically(
      sampleTarget.path,
      sampleTarget.format === 'csv' ? sampleCsv(sample) : JSON.stringify(sampleJson(plan.label, seed, sample)) + '\n',
    );
  }
  const exact = result.kind === 'paths' && workload.kind === 'paths' ? exactCallPrice(workload) : undefined;
  // peak resident set of the whole process (worker threads included), for the memory-does-not-grow check
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  if (values.json)
    console.log(JSON.stringify({ ...result, ...(exact !== undefined ? { exactPrice: exact } : {}), peakRssMiB }));
  else console.log(formatRun(result, exact));
}

export async function runWithProgress(
  label: string,
  threads: number,
  body: (executor: ShardExecutor, onProgress: (done: number, total: number) => void) => Promise<SimulationResult>,
  remote?: ShardExecutor,
): Promise<SimulationResult> {
  const executor = remote ?? (await executorFor(threads));
  const bar = progressBar(label, 'paths');
  try {
    return await body(executor, (done, total) => bar.update(done, total));
  } finally {
    bar.stop();
    await executor.close();
  }
}
