// Human-readable output of an evaluation: ranking table, paired differences, attribution, frontier.
import type { EvaluationResult } from '../eval/evaluate.js';

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c < leftColumns ? pad(v, widths[c]!) : lpad(v, widths[c]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function pValue(p: number): string {
  return p === 1 ? '1' : p < 1e-4 ? '<1e-4' : p.toFixed(4);
}

const RULE_LINE: Record<string, string> = {
  cleanup:
    'completion rule "cleanup": shares left at the horizon are executed at the last step as one block at the market\'s impact (cap lifted), included in IS',
  opportunity:
    'completion rule "opportunity": shares left at the horizon are marked to the final price (Perold\'s opportunity cost), not executed',
  penalty:
    'completion rule "penalty": shares left at the horizon are marked to the final price plus the configured penalty per share',
};

export function formatEvaluation(r: EvaluationResult): string {
  const byName = new Map(r.strategies.map((s) => [s.name, s]));
  const best = r.ranking[0]!;
  const out: string[] = [];
  out.push(
    `${r.name}: ${r.paths.toLocaleString('en-US')} common paths x ${r.steps} steps, seed ${r.seed}, ${r.threads} thread${r.threads > 1 ? 's' : ''}, ${f(r.wallSeconds)} s`,
  );
  if (r.squareRootLaw?.warning) out.push(`warning: ${r.squareRootLaw.warning}`);
  if (r.transientKernelError > 0)
    out.push(
      `power-law transient kernel fitted by a sum of exponentials within ${f(100 * r.transientKernelError, 3)}% over the horizon`,
    );
  out.push(
    `implementation shortfall in bps of the arrival notional (${r.notional.toLocaleString('en-US')}); score = mean + ${r.riskAversion} x variance x 1e-4; lower is better`,
  );
  out.push(`${RULE_LINE[r.completionRule]}; "done" is the fraction executed within the cap\n`);
  out.push(
    table(
      [
        '#',
        'strategy',
        'mean IS',
        '95% CI',
        'std',
        'VaR95',
        'CVaR95',
        'score',
        `mean - ${best} (paired 95% CI)`,
        'p',
        'done',
        'max part.',
      ],
      r.ranking.map((name, i) => {
        const s = byName.get(name)!;
        const d = r.pairedToBest.find((x) => x.strategy === name);
        return [
          String(i + 1),
          name,
          f(s.mean),
          `[${f(s.ci95[0])}, ${f(s.ci95[1])}]`,
          f(s.std),
          f(s.var95),
          f(s.cvar95),
          f(s.score),
          d
            ? d.identical
              ? 'identical'
              : `${d.mean >= 0 ? '+' : ''}${f(d.mean)} [${f(d.ci95[0])}, ${f(d.ci95[1])}]`
            : 'best',
          d ? pValue(d.pValue) : '',
          `${f(100 * s.completion, 1)}%`,
          `${f(100 * s.maxParticipation, 1)}%`,
        ];
      }),
      2,
    ),
  );
  for (const x of r.incomplete) {
    out.push(
      `warning: ${x.name} completed ${f(100 * x.completion, 2)}% of the order within the cap (threshold ${f(100 * r.completionThreshold, 1)}%): ` +
        (r.completionRule === 'cleanup'
          ? 'the rest was executed at the last step as a block and charged; '
          : 'the rest is unfilled; ') +
        'ranked after every complete strategy',
    );
  }
  const tightest = r.pairedToBest
    .filter((d) => !d.identical && d.unpairedStderr > 0)
    .reduce((m, d) => Math.min(m, d.stderr / d.unpairedStderr), Infinity);
  if (Number.isFinite(tightest))
    out.push(`\ncommon random numbers: paired standard errors are down to ${f(100 * tightest, 1)}% of unpaired ones`);
  out.push('\nattribution (mean bps; timing and permanent are estimates, the others exact for static schedules)');
  const penalty = r.completionRule === 'penalty';
  out.push(
    table(
      [
        'strategy',
        'timing',
        'permanent',
        'temporary',
        'transient',
        'spread',
        'opportunity',
        ...(penalty ? ['penalty'] : []),
        'exact E[IS]',
      ],
      r.ranking.map((name) => {
        const s = byName.get(name)!,
          a = s.attribution;
        return [
          name,
          f(a.timing.mean),
          f(a.permanent.mean),
          f(a.temporary.mean),
          f(a.transient.mean),
          f(a.spread.mean),
          f(a.opportunity.mean),
          ...(penalty ? [f(a.penalty.mean)] : []),
          s.oracleMean === null ? '-' : f(s.oracleMean, 4),
        ];
      }),
    ),
  );
  out.push(
    '\nbenchmarks, bps: VWAP slippage = IS - what the executed shares earn at the market VWAP (its std: the tracking error);',
  );
  out.push(
    "PA = price advantage over the window's average price (Fang et al. 2021; positive is better), GLR its gain-loss ratio",
  );
  out.push(
    table(
      ['strategy', 'VWAP slippage (SE)', 'tracking error', 'PA (SE)', 'GLR', 'PA > 0'],
      r.ranking.map((name) => {
        const s = byName.get(name)!;
        return [
          name,
          `${f(s.vwapSlippageBps)} (${f(s.vwapSlippageStderr)})`,
          f(s.trackingErrorBps),
          `${f(s.priceAdvantageBps)} (${f(s.priceAdvantageStderr)})`,
          s.gainLossRatio === null ? '-' : f(s.gainLossRatio),
          `${f(100 * s.positiveRate, 1)}%`,
        ];
      }),
    ),
  );
  if (r.pathMarket)
    out.push(`path-dependent market (${r.pathMarket.join(', ')}): every strategy ran in the environment`);
  if (r.frontier) {
    out.push(
      '\nAlmgren-Chriss efficient frontier, bps: "AC model" is the closed form of the linearised Almgren-Chriss model for its',
    );
    out.push(
      'schedule; "this market" is that schedule simulated here; "optimal static" is the schedule optimiser\'s best static',
    );
    out.push(
      'schedule for this market (exact expected cost under its impact + lambda x AC variance), simulated on the same paths',
    );
    const gaps = r.frontierInfo?.acModelGaps ?? [];
    if (gaps.length > 0)
      out.push(
        `note: this market has ${gaps.join(', ')}, which the AC model lacks: the AC schedules are optimal for the linearised model, not for this market`,
      );
    if (r.frontierInfo?.optimiserNote) out.push(`optimal static: ${r.frontierInfo.optimiserNote}`);
    const withOptimal = r.frontier.some((p) => p.optimal);
    out.push(
      table(
        [
          'risk aversion',
          'AC model E',
          'AC model std',
          'this market E (SE)',
          'this market std',
          'this market score',
          ...(withOptimal ? ['optimal static E (SE)', 'optimal static score'] : []),
        ],
        r.frontier.map((p) => [
          String(p.riskAversion),
          f(p.analyticMean),
          f(p.analyticStd),
          `${f(p.monteCarloMean)} (${f(p.monteCarloStderr)})`,
          f(p.monteCarloStd),
          f(p.monteCarloScore),
          ...(withOptimal
            ? p.optimal
              ? [`${f(p.optimal.monteCarloMean)} (${f(p.optimal.monteCarloStderr)})`, f(p.optimal.monteCarloScore)]
              : ['-', '-']
            : []),
        ]),
      ),
    );
  }
  if (r.schedules) {
    const statics = r.schedules.filter((x) => x.tradeShares);
    out.push(
      '\nschedules: expected trade and inventory after each step, shares (static strategies; closed-loop ones are path-dependent)',
    );
    out.push(
      table(
        ['step', ...statics.flatMap((x) => [`${x.name} trade`, 'inventory'])],
        Array.from({ length: r.steps }, (_, k) => [
          String(k + 1),
          ...statics.flatMap((x) => [f(x.tradeShares![k]!, 0), f(x.inventoryShares![k]!, 0)]),
        ]),
      ),
    );
  }
  return out.join('\n');
}
