// The evaluation report as CSV: one row per strategy, every reported figure a column (the JSON report has it all).
import type { EvaluationResult } from './evaluate.js';

const HEADER = [
  'rank',
  'strategy',
  'type',
  'kind',
  'mean_bps',
  'stderr_bps',
  'ci95_low_bps',
  'ci95_high_bps',
  'std_bps',
  'var95_bps',
  'cvar95_bps',
  'score_bps',
  'sharpe_like',
  'completion',
  'max_participation',
  'oracle_mean_bps',
  'timing_bps',
  'permanent_bps',
  'temporary_bps',
  'transient_bps',
  'spread_bps',
  'opportunity_bps',
  'penalty_bps',
  'vwap_slippage_bps',
  'tracking_error_bps',
  'price_advantage_bps',
  'gain_loss_ratio',
  'positive_rate',
  'diff_vs_best_bps',
  'diff_stderr_bps',
  'diff_p_value',
  'identical_to_best',
  'incomplete',
  'completion_rule',
  'paths',
  'seed',
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Provenance a CLI adds to a result (version, wasm build, the resolved config). */
export interface Provenance {
  flowexecVersion: string;
  wasmSha256: string | null;
  config: unknown;
  seed: number;
  paths: number;
}

/**
 * The strategies table (one row per strategy, every figure a column), then, each after a blank line and its own
 * header: the paired differences to the best, the frontier (when asked for), the schedules (with --schedules) and
 * the provenance (with the resolved config as JSON).
 */
export function evaluationCsv(r: EvaluationResult & { provenance?: Provenance }): string {
  const rows = r.ranking.map((name, rank) => {
    const s = r.strategies.find((x) => x.name === name)!;
    const d = r.pairedToBest.find((x) => x.strategy === name);
    const a = s.attribution;
    return [
      rank + 1,
      s.name,
      s.type,
      s.kind,
      s.mean,
      s.stderr,
      s.ci95[0],
      s.ci95[1],
      s.std,
      s.var95,
      s.cvar95,
      s.score,
      s.sharpeLike,
      s.completion,
      s.maxParticipation,
      s.oracleMean,
      a.timing.mean,
      a.permanent.mean,
      a.temporary.mean,
      a.transient.mean,
      a.spread.mean,
      a.opportunity.mean,
      a.penalty.mean,
      s.vwapSlippageBps,
      s.trackingErrorBps,
      s.priceAdvantageBps,
      s.gainLossRatio,
      s.positiveRate,
      d?.mean ?? 0,
      d?.stderr ?? 0,
      d?.pValue ?? 1,
      d?.identical ?? false,
      s.incomplete,
      r.completionRule,
      r.paths,
      r.seed,
    ]
      .map(cell)
      .join(',');
  });
  const sections = [[HEADER.join(','), ...rows]];
  sections.push([
    [
      'paired_strategy',
      'versus',
      'mean_diff_bps',
      'stderr_bps',
      'ci95_low_bps',
      'ci95_high_bps',
      'p_value',
      'identical',
      'unpaired_stderr_bps',
    ].join(','),
    ...r.pairedToBest.map((d) =>
      [d.strategy, d.versus, d.mean, d.stderr, d.ci95[0], d.ci95[1], d.pValue, d.identical, d.unpairedStderr]
        .map(cell)
        .join(','),
    ),
  ]);
  if (r.frontier) {
    sections.push([
      [
        'frontier_risk_aversion',
        'ac_model_mean_bps',
        'ac_model_std_bps',
        'this_market_mean_bps',
        'this_market_stderr_bps',
        'this_market_std_bps',
        'this_market_score_bps',
        'optimal_static_mean_bps',
        'optimal_static_stderr_bps',
        'optimal_static_score_bps',
        'ac_model_lacks',
      ].join(','),
      ...r.frontier.map((p) =>
        [
          p.riskAversion,
          p.analyticMean,
          p.analyticStd,
          p.monteCarloMean,
          p.monteCarloStderr,
          p.monteCarloStd,
          p.monteCarloScore,
          p.optimal?.monteCarloMean,
          p.optimal?.monteCarloStderr,
          p.optimal?.monteCarloScore,
          (r.frontierInfo?.acModelGaps ?? []).join('; '),
        ]
          .map(cell)
          .join(','),
      ),
    ]);
  }
  if (r.schedules) {
    const statics = r.schedules.filter((x) => x.tradeShares);
    sections.push([
      ['schedule_step', ...statics.flatMap((x) => [`${x.name} trade_shares`, `${x.name} inventory_shares`])]
        .map(cell)
        .join(','),
      ...Array.from({ length: r.steps }, (_, k) =>
        [k + 1, ...statics.flatMap((x) => [x.tradeShares![k], x.inventoryShares![k]])].map(cell).join(','),
      ),
    ]);
  }
  if (r.provenance) {
    const p = r.provenance;
    sections.push([
      'provenance_key,value',
      ...(
        [
          ['flowexec_version', p.flowexecVersion],
          ['wasm_sha256', p.wasmSha256],
          ['seed', p.seed],
          ['paths', p.paths],
          ['completion_rule', r.completionRule],
          ['config_json', JSON.stringify(p.config)],
        ] as Array<[string, unknown]>
      ).map(([k, v]) => [k, v].map(cell).join(',')),
    ]);
  }
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
