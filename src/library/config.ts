// Config and workload parsing in the public API: the CLI's zod schemas and its one-line errors, nothing else.
import { parseEvaluationConfig as parseConfig, type EvaluationConfig as Config } from '../eval/config.js';
import { parseWorkload as parseWork, type Workload as Work } from '../market/workload.js';

/**
 * A validated evaluation config (the file `flowexec evaluate` reads, the body of `POST /v1/evaluations`), with every
 * default filled in: market (price model, daily volume, volume curve, impact), order, strategies and evaluation
 * settings. The format is described in docs/configs.md.
 *
 * @example
 * ```ts
 * const config: EvaluationConfig = parseEvaluationConfig({
 *   market: { model: { type: 'gbm', s0: 100, sigma: 0.2 }, dailyVolume: 1e7 },
 *   order: { shares: 1e5, horizonMinutes: 60 },
 *   strategies: [{ type: 'twap' }, { type: 'vwap' }],
 * });
 * ```
 */
export type EvaluationConfig = Config;

/**
 * A validated workload: `heston-paths` (a European call by Monte Carlo) or `heston-execution` (TWAP under Heston with
 * impact), in the form of the canonical files.
 *
 * @example
 * ```ts
 * const w: Workload = parseWorkload(JSON.parse(text));
 * console.log(w.kind, w.paths, w.steps);
 * ```
 */
export type Workload = Work;

/**
 * Validates an evaluation config with the CLI's schema and rules. Throws an {@link InputError} whose message names
 * the field, exactly as `flowexec evaluate` prints it (`market.model.rho: must be in [-1, 1] (got 1.5)`).
 *
 * @example
 * ```ts
 * try {
 *   parseEvaluationConfig({ market: {}, order: {}, strategies: [] });
 * } catch (e) {
 *   if (e instanceof InputError) console.log(e.field, e.message);
 * }
 * ```
 */
export function parseEvaluationConfig(input: unknown): EvaluationConfig {
  return parseConfig(input);
}

/**
 * Validates a workload object (the form of `src/workloads/*.json`); throws an {@link InputError} naming the field.
 *
 * @example
 * ```ts
 * const w = parseWorkload({ ...canonical, paths: 1000 });
 * ```
 */
export function parseWorkload(input: unknown): Workload {
  return parseWork(input);
}
