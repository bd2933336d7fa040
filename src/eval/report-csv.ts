// The evaluation report as CSV: one row per strategy, every reported figure a column (the JSON report has it all).
import type { EvaluationResult } from './evaluate.js';

const HEADER = ['rank', 'strategy', 'type', 'kind', 'mean_bps', 'stderr_bps', 'ci95_low_bps', 'ci95_high_bps', 'std_bps',
  'var95_bps', 'cvar95_bps', 'score_bps', 'sharpe_like', 'completion', 'max_participation', 'oracle_mean_bps',
  'timing_bps', 'permanent_bps', 'temporary_bps', 'transient_bps', 'spread_bps', 'opportunity_bps',
  'penalty_bps', 'diff_vs_best_bps', 'diff_stderr_bps', 'diff_p_value', 'identical_to_best', 'incomplete', 'completion_rule', 'paths', 'seed'];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function evaluationCsv(r: EvaluationResult): string {
  const rows = r.ranking.map((name, rank) => {
    const s = r.strategies.find((x) => x.name === name)!;
    const d = r.pairedToBest.find((x) => x.strategy === name);
    const a = s.attribution;
    return [rank + 1, s.name, s.type, s.kind, s.mean, s.stderr, s.ci95[0], s.ci95[1], s.std, s.var95, s.cvar95, s.score,
      s.sharpeLike, s.completion, s.maxParticipation, s.oracleMean, a.timing.mean, a.permanent.mean, a.temporary.mean,
      a.transient.mean, a.spread.mean, a.opportunity.mean, a.penalty.mean, d?.mean ?? 0, d?.stderr ?? 0, d?.pValue ?? 1,
      d?.identical ?? false, s.incomplete, r.completionRule, r.paths, r.seed].map(cell).join(',');
  });
  return [HEADER.join(','), ...rows].join('\n') + '\n';
}
