// The ranking table of an evaluation as HTML (strings only: the report writes it on Node, the dashboard in the page).
import type { EvaluationResult } from '../eval/evaluate.js';
import { escapeHtml } from './svg.js';

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '');

export function rankingTable(r: EvaluationResult): string {
  const byName = new Map(r.strategies.map((s) => [s.name, s]));
  const head = [
    '#',
    'strategy',
    'mean IS (bps)',
    '95% CI',
    'std',
    'VaR95',
    'CVaR95',
    'score',
    `paired diff. to ${r.ranking[0]}`,
    'done',
    'max part.',
  ];
  const rows = r.ranking.map((name, i) => {
    const s = byName.get(name)!;
    const d = r.pairedToBest.find((x) => x.strategy === name);
    const cells = [
      String(i + 1),
      escapeHtml(name),
      f(s.mean),
      `[${f(s.ci95[0])}, ${f(s.ci95[1])}]`,
      f(s.std),
      f(s.var95),
      f(s.cvar95),
      f(s.score),
      d ? `${d.mean >= 0 ? '+' : ''}${f(d.mean)} [${f(d.ci95[0])}, ${f(d.ci95[1])}]` : 'best',
      `${f(100 * s.completion, 1)}%`,
      `${f(100 * s.maxParticipation, 1)}%`,
    ];
    return `<tr>${cells.map((c, k) => (k === 1 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;
  });
  return (
    `<div class="table-wrap"><table class="ranking"><caption>Strategies ranked by score = mean + ${r.riskAversion} x variance x 1e-4 (lower is better)</caption>` +
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

export function runLine(r: EvaluationResult): string {
  return `${escapeHtml(r.name)}: ${r.paths.toLocaleString('en-US')} common paths x ${r.steps} steps, seed ${r.seed}; implementation shortfall in bps of the arrival notional (${r.notional.toLocaleString('en-US')}).`;
}
