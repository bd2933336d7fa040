// The assistant's replies: a few sentences with the numbers of an evaluation, of the last run, or a helpful refusal.
import type { EvaluationResult } from '../eval/evaluate.js';
import type { StrategySummary } from '../eval/summary.js';
import { EXAMPLE_QUESTIONS, type ParsedQuestion, type HistoryIntent } from './grammar.js';
import type { AssistantRequest } from './request.js';
import type { LastRun } from './last-run.js';
import { describeMarket } from './markets.js';

const bps = (x: number) => `${x.toFixed(2)} bps`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
const pValue = (p: number) => (p < 1e-4 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`);

function horizon(minutes: number): string {
  if (minutes % 390 === 0) return minutes === 390 ? 'one trading day' : `${minutes / 390} trading days`;
  if (minutes >= 60 && minutes % 30 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${Number(minutes.toFixed(1))} minutes`;
}

function ci(s: StrategySummary): string {
  return `${bps(s.mean)} (95% CI ${s.ci95[0].toFixed(2)} to ${s.ci95[1].toFixed(2)}, std ${s.std.toFixed(1)})`;
}

function money(result: EvaluationResult, costBps: number): string {
  return int((costBps * result.notional) / 1e4);
}

/** The order, market and run size in one sentence. */
function setting(request: AssistantRequest, result: EvaluationResult): string {
  const market =
    request.market === 'last run'
      ? "the last run's market"
      : describeMarket(request.market.volatility, request.market.liquidity);
  const cap = request.participationCap < 1 ? `, at most ${pct(request.participationCap)} of each minute's volume` : '';
  return (
    `${request.side === 'sell' ? 'Selling' : 'Buying'} ${int(request.shares)} shares over ${horizon(request.horizonMinutes)} in ${market}${cap}; ` +
    `${int(result.paths)} simulated paths (seed ${result.seed}), costs as implementation shortfall in bps of the arrival notional.`
  );
}

function incomplete(result: EvaluationResult): string {
  const short = result.strategies.filter((s) => s.completion < 0.999);
  return short.length === 0
    ? ''
    : ` ${short.map((s) => `${s.name} completes only ${pct(s.completion)} of the order on average`).join('; ')} (the rest is marked at the closing price as opportunity cost).`;
}

function pairedSentence(result: EvaluationResult, name: string): string {
  const d = result.pairedToBest.find((x) => x.strategy === name);
  if (!d) return '';
  return `${result.ranking[0]} beats ${name} by ${bps(d.mean)} on the same paths (paired 95% CI ${d.ci95[0].toFixed(2)} to ${d.ci95[1].toFixed(2)}, ${pValue(d.pValue)}).`;
}

export function answerEvaluation(request: AssistantRequest, result: EvaluationResult): string {
  const byName = new Map(result.strategies.map((s) => [s.name, s]));
  const best = byName.get(result.ranking[0]!)!;
  const lines = [setting(request, result)];
  const scoreNote = `ranked by score = mean + ${result.riskAversion} x variance x 1e-4`;
  switch (request.intent) {
    case 'frontier': {
      const points = (result.frontier ?? []).map(
        (p) => `lambda ${p.riskAversion}: ${bps(p.monteCarloMean)} +- ${p.monteCarloStd.toFixed(1)}`,
      );
      lines.push(`Almgren-Chriss efficient frontier (mean +- std of the cost, simulated): ${points.join('; ')}.`);
      lines.push(
        `On it: ${result.ranking.map((n) => `${n} ${bps(byName.get(n)!.mean)} +- ${byName.get(n)!.std.toFixed(1)}`).join(', ')}.`,
      );
      break;
    }
    case 'what-if': {
      const [first, ...rest] = request.strategies;
      const name = result.strategies[0]!.name;
      void first;
      lines.push(
        `${name} would cost ${ci(result.strategies[0]!)}, about ${money(result, result.strategies[0]!.mean)} in currency.`,
      );
      for (const other of result.strategies.slice(1, rest.length + 1)) lines.push(`${other.name}: ${ci(other)}.`);
      lines.push(result.ranking[0] === name ? `${name} ranks first (${scoreNote}).` : pairedSentence(result, name));
      break;
    }
    case 'best': {
      lines.push(`Best: ${best.name} at ${ci(best)} (${scoreNote}).`);
      const second = result.ranking[1];
      if (second) lines.push(`Next: ${second} at ${bps(byName.get(second)!.mean)}. ${pairedSentence(result, second)}`);
      const worst = result.ranking[result.ranking.length - 1]!;
      if (worst !== second && worst !== best.name) lines.push(`Last: ${worst} at ${bps(byName.get(worst)!.mean)}.`);
      break;
    }
    default: {
      lines.push(result.ranking.map((n) => `${n}: ${ci(byName.get(n)!)}`).join('; ') + '.');
      if (result.ranking.length > 1) {
        lines.push(
          `${best.name} ranks first (${scoreNote}), about ${money(result, best.mean)} in currency. ${pairedSentence(result, result.ranking[1]!)}`,
        );
      } else {
        lines.push(
          `That is about ${money(result, best.mean)} in currency; 95% VaR ${bps(best.var95)}, CVaR ${bps(best.cvar95)}.`,
        );
      }
    }
  }
  return (lines.join(' ') + incomplete(result)).replace(/\s+/g, ' ').trim();
}

function runLine(run: LastRun): string {
  const o = run.config.order;
  const minutes = o.horizonMinutes ?? (o.horizonDays ?? 1) * 390;
  return `Your last run, "${run.result.name}" (${run.source}, ${run.savedAt}), ${o.side === 'sell' ? 'sells' : 'buys'} ${int(o.shares)} shares over ${horizon(minutes)} in ${run.result.steps} steps, ${int(run.result.paths)} paths.`;
}

export const NO_LAST_RUN =
  'There is no run to read yet: run `flowexec evaluate CONFIG.json` (or start an evaluation in the dashboard / POST /v1/evaluations) first, then ask again.';

export function answerHistory(intent: HistoryIntent, run: LastRun | undefined, count = 5): string {
  if (intent === 'market-conditions') {
    const base = 'No market data is loaded in this build, so there is no detected regime of live data to report.';
    if (!run) return `${base} Ask about a regime instead, e.g. "which strategy is best in low liquidity?".`;
    const m = run.config.market,
      model = m.model;
    const vol =
      model.type === 'heston'
        ? `Heston, initial volatility ${pct(Math.sqrt(model.v0))}, long-run ${pct(Math.sqrt(model.theta))}, vol of vol ${model.xi}`
        : model.type === 'gbm'
          ? `geometric Brownian motion, volatility ${pct(model.sigma)}`
          : `arithmetic Brownian motion, ${model.sigmaPerSqrtDay} per sqrt(day)`;
    const spread = 'spread' in m.impact ? `, half spread ${m.impact.spread.halfSpreadBps} bps` : '';
    return `${base} The market of your last run ("${run.result.name}"): ${vol}; ${int(m.dailyVolume)} shares of daily volume${spread}.`;
  }
  if (!run) return NO_LAST_RUN;
  const r = run.result;
  const byName = new Map(r.strategies.map((s) => [s.name, s]));
  const best = byName.get(r.ranking[0]!)!;
  switch (intent) {
    case 'last-best':
      return `${runLine(run)} ${best.name} performed best by score (mean + ${r.riskAversion} x variance x 1e-4): ${ci(best)}. ${r.ranking[1] ? pairedSentence(r, r.ranking[1]) : ''}`.trim();
    case 'last-performance':
      return `${runLine(run)} ${r.ranking.map((n, i) => `${i + 1}. ${n}: ${ci(byName.get(n)!)}`).join('; ')}.${incomplete(r)}`;
    case 'last-plan': {
      const name = run.sample?.strategy ?? r.ranking[0]!;
      const shares = r.inventory?.childShares?.[name];
      if (!shares)
        return `${runLine(run)} Its best strategy, ${name}, decides each child order from the path (closed loop), so it has no fixed plan.`;
      const active = shares.filter((n) => n > 0).length;
      const peak = Math.max(...shares);
      const half = r.inventory.remaining[name]!.findIndex((x) => x <= 0.5);
      return (
        `${runLine(run)} The plan is ${name} (the best static strategy): ${active} child orders, the largest ${int(peak)} shares; ` +
        `first three ${shares.slice(0, 3).map(int).join(', ')} shares; half the order is done by minute ${Math.round(r.inventory.minutes[half] ?? 0)}.`
      );
    }
    case 'last-trades': {
      const orders = run.sample?.childOrders ?? [];
      if (orders.length === 0)
        return `${runLine(run)} It kept no sample execution (its strategies are all closed loop).`;
      const last = orders.slice(-count);
      const list = last
        .map(
          (o) =>
            `minute ${Number(o.minute.toFixed(1))}: ${int(o.shares)} shares${o.midPrice !== undefined ? ` at mid ${o.midPrice.toFixed(2)}` : ''}`,
        )
        .join('; ');
      return `${runLine(run)} The last ${last.length} child orders of ${run.sample!.strategy} on sample path ${run.sample!.path}: ${list}.`;
    }
  }
  return NO_LAST_RUN;
}

export function answerHelp(): string {
  return `I answer questions about trade execution by running FlowExec's Monte Carlo engine. Try: ${EXAMPLE_QUESTIONS.map((q) => `"${q}"`).join('; ')}.`;
}

export function answerRefusal(parsed: ParsedQuestion): string {
  const why = parsed.refusal?.message ?? 'I could not read that question';
  const examples = EXAMPLE_QUESTIONS.slice(0, 4)
    .map((q) => `"${q}"`)
    .join('; ');
  return `Sorry: ${why}. You can ask, for example: ${examples}.`;
}
