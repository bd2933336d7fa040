// The public library API, `import ... from 'flowexec'` (Node, Deno, Bun): everything else in src/ is internal.
/**
 * FlowExec as a library: Monte Carlo simulation and evaluation of trade execution strategies in a SIMD WebAssembly
 * engine, the semi-analytic Heston pricer, Almgren-Chriss closed forms, config and policy-file parsing with the
 * CLI's errors, and a Gymnasium-shaped batched environment.
 *
 * @example
 * ```ts
 * import { evaluate, simulate, VecEnv, hestonCall } from 'flowexec';
 * const run = await simulate('heston-paths', { paths: 20_000 });
 * console.log(run.mean, '+-', run.stderr);
 * ```
 *
 * @module flowexec
 */
import type { ShardExecutor } from './library/executor.js';
import {
  inlineExecutor,
  engineFromModule,
  compileWasm,
  type FlowExecEngine,
  type WasmSource,
} from './library/engine.js';
import { simulate as simulateCore, checkSimulateOptions, type SimulateOptions } from './library/simulate.js';
import { evaluate as evaluateCore, checkEvaluateOptions, policyMap, type EvaluateOptions } from './library/evaluate.js';
import type { SimulationResult, EvaluationReport } from './library/results.js';
import type { EvaluationConfig, Workload } from './library/config.js';

export * from './library/public.js';

const nodeSide = () => import('./runtime/library-node.js');

/**
 * Options of {@link createEngine}.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ wasm: await readFile('flowexec.wasm') });
 * ```
 */
export interface CreateEngineOptions {
  /**
   * The wasm to instantiate (default: the package's build/flowexec.wasm, read from disk): a compiled module, bytes, a
   * fetch Response, an http(s) URL (fetched) or a file URL or path (read).
   */
  wasm?: WasmSource;
}

/**
 * Instantiates FlowExec's WebAssembly engine (compiled once per process, instantiated per call).
 *
 * @example
 * ```ts
 * import { createEngine, simulate } from 'flowexec';
 * const engine = await createEngine();
 * const a = await simulate('heston-execution', { engine, paths: 10_000 });
 * const b = await simulate('heston-execution', { engine, paths: 10_000 }); // same seed, same bits
 * ```
 */
export async function createEngine(options: CreateEngineOptions = {}): Promise<FlowExecEngine> {
  const wasm = options.wasm;
  if (wasm === undefined) return (await nodeSide()).nodeEngine();
  const local =
    (typeof wasm === 'string' && !/^https?:/.test(wasm)) || (wasm instanceof URL && wasm.protocol === 'file:');
  return engineFromModule(await compileWasm(local ? (await nodeSide()).readWasmFile(wasm as string | URL) : wasm));
}

/** Runs body on the options' executor (the caller's: left open), else on one made for the engine and threads. */
async function withExecutor<T>(
  options: { executor?: ShardExecutor; threads?: number; engine?: FlowExecEngine },
  body: (executor: ShardExecutor) => Promise<T>,
): Promise<T> {
  if (options.executor) return body(options.executor);
  const { threads, engine } = options;
  const executor =
    (threads ?? 1) > 1 || !engine
      ? await (await nodeSide()).nodeExecutor(threads ?? 1, engine)
      : inlineExecutor(engine);
  try {
    return await body(executor);
  } finally {
    await executor.close();
  }
}

/**
 * Runs a workload by Monte Carlo: a canonical one by name (`'heston-paths'`: a European call under Heston;
 * `'heston-execution'`: selling an order by TWAP under Heston with impact) or a workload object of the same form.
 * What `flowexec run` and `POST /v1/simulations` run. Deterministic: the same seed gives the same bits on every
 * runtime and for any thread count.
 *
 * @example
 * ```ts
 * import { simulate, hestonCall } from 'flowexec';
 * const run = await simulate('heston-paths', { paths: 100_000, seed: 1 });
 * console.log(`${run.mean.toFixed(4)} +- ${(1.96 * run.stderr).toFixed(4)} (control variate ${run.cvMean})`);
 * ```
 */
export async function simulate(
  workload: 'heston-paths' | 'heston-execution' | Workload | Record<string, unknown>,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  checkSimulateOptions(options);
  return withExecutor(options, (executor) => simulateCore(workload, { ...options, executor }));
}

/**
 * Evaluates every strategy of a config on common random numbers (every strategy sees the same paths): mean, standard
 * error and 95% CI of the implementation shortfall in bps, VaR/CVaR, attribution, risk-adjusted ranking, paired
 * differences to the best and the Almgren-Chriss frontier. What `flowexec evaluate` and `POST /v1/evaluations` run.
 * The config is validated first (an {@link InputError} names the field); progress is reported per shard and an
 * AbortSignal stops the run.
 *
 * @example
 * ```ts
 * import { evaluate } from 'flowexec';
 * const controller = new AbortController();
 * const report = await evaluate({
 *   market: { model: { type: 'gbm', s0: 100, sigma: 0.25 }, dailyVolume: 2e7 },
 *   order: { shares: 2e5, horizonMinutes: 120, steps: 24 },
 *   strategies: [{ type: 'twap' }, { type: 'vwap' }, { type: 'almgren-chriss', riskAversion: 10 }],
 *   evaluation: { paths: 20_000 },
 * }, { onProgress: (done, total) => console.log(done, '/', total), signal: controller.signal });
 * console.log(report.strategies.map((s) => `${s.name}: ${s.mean.toFixed(2)} bps`));
 * ```
 */
export async function evaluate(
  config: EvaluationConfig | Record<string, unknown>,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  checkEvaluateOptions(options);
  const policies = (await nodeSide()).readMissingPolicies(config, policyMap(options.policies), options.baseDir);
  return withExecutor(options, (executor) => evaluateCore(config, { ...options, policies, executor }));
}
