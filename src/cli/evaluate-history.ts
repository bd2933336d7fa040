// The run-history hook of `flowexec evaluate`: one row per strategy (config, regime when given, metrics, seed, version).
import type { EvaluationConfig } from '../eval/config.js';
import type { EvaluationResult } from '../eval/evaluate.js';
import { InputError } from '../errors/input-error.js';
import { HISTORY_OPTIONS, openHistory, runId, VERSION } from './history-option.js';

/** evaluate's options for the history: --history PATH, --no-history, and --regime R (the label to file the run under). */
export const EVALUATE_HISTORY_OPTIONS = { ...HISTORY_OPTIONS, regime: { type: 'string' } } as const;

const REGIME = /^[A-Za-z0-9_./:-]{1,64}$/;

/** Checks --regime before any simulation runs (a bad label is an input error, not a lost run). */
export function regimeOption(values: { regime?: string }): string | null {
  if (values.regime === undefined) return null;
  if (!REGIME.test(values.regime))
    throw new InputError(
      `--regime must be a label of 1-64 letters, digits or _ . / : - (such as HL or vol-high/liq-low), got '${values.regime}'`,
      'regime',
    );
  return values.regime;
}

/**
 * Appends the evaluation to the run history (unless --no-history). The evaluation already succeeded, so a history
 * that cannot be written (locked by another process past the wait, unwritable folder) is a warning on stderr.
 */
export async function recordEvaluation(
  values: { history?: string; 'no-history'?: boolean },
  regime: string | null,
  config: EvaluationConfig,
  result: EvaluationResult,
): Promise<string | undefined> {
  try {
    const history = await openHistory(values);
    if (!history) return undefined;
    try {
      const id = runId();
      const best = result.ranking[0];
      const configJson = JSON.stringify({
        ...config,
        evaluation: { ...config.evaluation, paths: result.paths, seed: result.seed },
      });
      await history.append(
        result.strategies.map((s) => {
          const { distribution: _distribution, ...metrics } = s;
          return {
            runId: id,
            command: 'evaluate' as const,
            symbol: config.name, // an evaluation has no ticker: the config's name stands in
            regime,
            grid: null,
            strategy: s.name,
            strategyType: s.type,
            meanBps: s.mean,
            stderrBps: s.stderr,
            scoreBps: s.score,
            won: s.name === best,
            seed: result.seed,
            version: VERSION,
            config: configJson,
            metrics: JSON.stringify(metrics),
          };
        }),
      );
      return history.path;
    } finally {
      history.close();
    }
  } catch (e) {
    console.error(`warning: run not recorded in the history: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
