// The public library API for browsers and edge runtimes, `flowexec/browser`: web APIs only, the wasm given by the caller.
/**
 * FlowExec for browsers, workers and edge runtimes: the same API as `flowexec` without Node built-ins. The engine
 * is created from the wasm you serve (a URL, bytes, a Response or a compiled module; on workerd, import the .wasm
 * as a module), and every run takes that engine. Runs use one thread.
 *
 * @example
 * ```ts
 * import { createEngine, simulate } from 'flowexec/browser';
 * const engine = await createEngine({ wasm: new URL('flowexec/flowexec.wasm', import.meta.url) });
 * const run = await simulate('heston-execution', { engine, paths: 10_000 });
 * ```
 *
 * @module flowexec/browser
 */
import { engineFromModule, compileWasm, type FlowExecEngine, type WasmSource } from './library/engine.js';
import { simulate as simulateCore, type SimulateOptions } from './library/simulate.js';
import { evaluate as evaluateCore, type EvaluateOptions } from './library/evaluate.js';
import type { SimulationResult, EvaluationReport } from './library/results.js';
import type { ShardExecutor } from './library/executor.js';
import type { EvaluationConfig, Workload } from './library/config.js';
import { InputError } from './errors/input-error.js';

export * from './library/public.js';

/**
 * Instantiates the engine from the wasm you give: a URL (fetched), bytes, a fetch Response or a compiled
 * `WebAssembly.Module` (what workerd's `import wasm from './flowexec.wasm'` gives).
 *
 * @example
 * ```ts
 * const engine = await createEngine({ wasm: await fetch('/assets/flowexec.wasm') });
 * ```
 */
export async function createEngine(options: { wasm: WasmSource }): Promise<FlowExecEngine> {
  if (!options || options.wasm === undefined)
    throw new InputError(
      'wasm: flowexec/browser needs the wasm (a URL, bytes, a Response or a WebAssembly.Module)',
      'wasm',
    );
  return engineFromModule(await compileWasm(options.wasm));
}

/**
 * Runs a workload by Monte Carlo on `options.engine` or `options.executor` (see `simulate` of the `flowexec` entry).
 *
 * @example
 * ```ts
 * const run = await simulate('heston-paths', { engine, paths: 10_000 });
 * ```
 */
export async function simulate(
  workload: 'heston-paths' | 'heston-execution' | Workload | Record<string, unknown>,
  options: SimulateOptions & ({ engine: FlowExecEngine } | { executor: ShardExecutor }),
): Promise<SimulationResult> {
  return simulateCore(workload, options);
}

/**
 * Evaluates every strategy of a config on common random numbers on `options.engine` or `options.executor` (see `evaluate` of the
 * `flowexec` entry); policies come from `options.policies` only.
 *
 * @example
 * ```ts
 * const report = await evaluate(config, { engine, onProgress: (done, total) => bar.set(done / total) });
 * ```
 */
export async function evaluate(
  config: EvaluationConfig | Record<string, unknown>,
  options: EvaluateOptions & ({ engine: FlowExecEngine } | { executor: ShardExecutor }),
): Promise<EvaluationReport> {
  return evaluateCore(config, options);
}
