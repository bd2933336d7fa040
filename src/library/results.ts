// Versioned result documents: what simulate and evaluate return (and the CLI writes), and how saved ones are read back.
import type { WorkloadRunResult } from '../eval/run-workload.js';
import type { EvaluationResult } from '../eval/evaluate.js';
import { InputError } from '../errors/input-error.js';

/**
 * The `format` tag of an evaluation result.
 *
 * @example
 * ```ts
 * if (doc.format === EVALUATION_RESULT_FORMAT) console.log('an evaluation result');
 * ```
 */
export const EVALUATION_RESULT_FORMAT = 'flowexec-evaluation';
/**
 * The `format` tag of a workload simulation result.
 *
 * @example
 * ```ts
 * const run = await simulate('heston-paths');
 * console.log(run.format === SIMULATION_RESULT_FORMAT); // true
 * ```
 */
export const SIMULATION_RESULT_FORMAT = 'flowexec-simulation';
/**
 * Version of the result formats this FlowExec writes and reads. Version 0 is a result written before results carried
 * a version (FlowExec 0.1): read as is. Later versions are refused with a message saying so.
 *
 * @example
 * ```ts
 * const report = await evaluate(config);
 * console.log(report.formatVersion === RESULT_FORMAT_VERSION); // true
 * ```
 */
export const RESULT_FORMAT_VERSION = 1;

/**
 * The result of {@link simulate}: the Monte Carlo estimate of one workload (a call price in currency for
 * `heston-paths`, implementation shortfall in bps for `heston-execution`), with its standard error, the throughput
 * and, for execution workloads, the exact expectation, attribution and tail risk.
 *
 * @example
 * ```ts
 * const r: SimulationResult = await simulate('heston-execution', { paths: 20_000 });
 * console.log(`${r.mean.toFixed(3)} +- ${(3 * r.stderr).toFixed(3)} ${r.unit} (exact ${r.oracleMean})`);
 * ```
 */
export interface SimulationResult extends WorkloadRunResult {
  format: typeof SIMULATION_RESULT_FORMAT;
  formatVersion: typeof RESULT_FORMAT_VERSION;
}

/**
 * The result of {@link evaluate}: every strategy on common paths, ranked, with confidence intervals, tail risk,
 * the shortfall attribution, paired differences and (when asked for) the Almgren-Chriss frontier.
 *
 * @example
 * ```ts
 * const report: EvaluationReport = await evaluate(config);
 * for (const s of report.strategies) console.log(s.name, s.mean.toFixed(2), 'bps');
 * ```
 */
export interface EvaluationReport extends EvaluationResult {
  format: typeof EVALUATION_RESULT_FORMAT;
  formatVersion: typeof RESULT_FORMAT_VERSION;
}

export function tagSimulation(result: WorkloadRunResult): SimulationResult {
  return { format: SIMULATION_RESULT_FORMAT, formatVersion: RESULT_FORMAT_VERSION, ...result };
}

export function tagEvaluation(result: EvaluationResult): EvaluationReport {
  return { format: EVALUATION_RESULT_FORMAT, formatVersion: RESULT_FORMAT_VERSION, ...result };
}

/**
 * Reads a saved evaluation result (the JSON of `flowexec evaluate --out report.json`, or `JSON.stringify` of an
 * {@link EvaluationReport}). Version 0 (no `format` field, FlowExec 0.1) is upgraded in place; a newer version
 * or another document throws an {@link InputError} that says which.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const report = readEvaluationReport(JSON.parse(readFileSync('report.json', 'utf8')));
 * console.log(report.strategies[0]?.name);
 * ```
 */
export function readEvaluationReport(input: unknown, where = 'result'): EvaluationReport {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new InputError(`${where}: must be a JSON object`);
  const doc = input as Record<string, unknown>;
  if (doc.format === undefined) {
    if (!Array.isArray(doc.strategies) || typeof doc.name !== 'string') {
      throw new InputError(`${where}: not a flowexec evaluation result (no "format" and no "strategies")`);
    }
    return {
      ...(doc as unknown as EvaluationResult),
      format: EVALUATION_RESULT_FORMAT,
      formatVersion: RESULT_FORMAT_VERSION,
    };
  }
  if (doc.format !== EVALUATION_RESULT_FORMAT) {
    throw new InputError(
      `${where}.format: must be "${EVALUATION_RESULT_FORMAT}" (got ${JSON.stringify(doc.format)})`,
      'format',
    );
  }
  if (doc.formatVersion !== RESULT_FORMAT_VERSION) {
    throw new InputError(
      `${where}.formatVersion: version ${JSON.stringify(doc.formatVersion)} is not supported (this flowexec reads versions 0 and ${RESULT_FORMAT_VERSION}; upgrade flowexec to read newer results)`,
      'formatVersion',
    );
  }
  if (!Array.isArray(doc.strategies)) throw new InputError(`${where}.strategies: must be an array`, 'strategies');
  return doc as unknown as EvaluationReport;
}
