// flowexec replay DATA.csv --order ORDER.json: static and closed-loop strategies executed on each real day of the data,
// IS with its attribution per day and in total, and paired differences across days against the best.
import { REPLAY_USAGE } from './usage-data.js';
import { InputError } from '../errors/input-error.js';
import { parseCommand } from './args.js';
import { readJsonFile } from './files.js';
import { openBarFile, DATA_OPTIONS } from './data-file.js';
import { formatQuality } from '../data/quality.js';
import { splitDays, sessionMinutes } from '../data/bars.js';
import { daySteps } from '../data/day-steps.js';
import { calibrateMarket } from '../market/calibration/calibrate.js';
import { parseEvaluationConfig, orderGrid } from '../eval/config.js';
import { buildExecutionPlan } from '../eval/execution-plan.js';
import { runReplay, type ReplayResult } from '../eval/replay.js';
import { detectRegimes } from '../market/regime/detect.js';
import { HISTORY_OPTIONS, openHistory, runId, VERSION } from './history-option.js';
import { dirname, resolve } from 'node:path';
import { loadPolicies } from './evaluate.js';

const b = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

export function formatReplay(r: ReplayResult, marketSource: string): string {
  const w = Math.max(10, ...r.strategies.map((s) => s.length)) + 2;
  const lines = [
    `replay on ${r.days.length} real days (market for impact: ${marketSource}); IS in bps of the arrival notional, lower is better`,
    '',
  ];
  lines.push(`  ${'date'.padEnd(12)}${r.strategies.map((s) => s.padStart(w)).join('')}`);
  for (const d of r.days)
    lines.push(`  ${d.date.padEnd(12)}${r.strategies.map((s) => b(d.outcomes[s]!.isBps).padStart(w)).join('')}`);
  lines.push(`  ${'mean'.padEnd(12)}${r.strategies.map((s) => b(r.total[s]!.isBps).padStart(w)).join('')}`);
  lines.push(`  ${'std error'.padEnd(12)}${r.strategies.map((s) => b(r.total[s]!.stderrBps).padStart(w)).join('')}`);
  lines.push('', '  attribution (mean bps over days; the parts sum to the IS):');
  lines.push(`  ${'strategy'.padEnd(w)}  timing  permanent  temporary  spread  opportunity  filled  max part.`);
  for (const s of r.strategies) {
    const t = r.total[s]!;
    lines.push(
      `  ${s.padEnd(w)}${b(t.timing).padStart(8)}${b(t.permanent).padStart(11)}${b(t.temporary).padStart(11)}${b(t.spread).padStart(8)}${b(t.opportunity).padStart(13)}${`${(100 * t.filledFraction).toFixed(1)}%`.padStart(8)}${`${(100 * t.maxParticipation).toFixed(1)}%`.padStart(11)}`,
    );
  }
  lines.push('', `  paired differences across days against the best (${r.best}), mean and 95% t interval:`);
  for (const p of r.paired)
    lines.push(
      `  ${p.strategy.padEnd(w)}${(p.meanBps >= 0 ? '+' : '') + b(p.meanBps)} [${b(p.ci95[0])}, ${b(p.ci95[1])}] over ${p.days} days`,
    );
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

export async function replayCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...DATA_OPTIONS,
      ...HISTORY_OPTIONS,
      order: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  );
  if (values.help) {
    console.log(`usage: ${REPLAY_USAGE}`);
    return;
  }
  if (positionals.length === 0) throw new InputError(`missing DATA.csv (usage: ${REPLAY_USAGE})`);
  if (values.order === undefined) throw new InputError(`missing --order ORDER.json (usage: ${REPLAY_USAGE})`, 'order');
  const raw = readJsonFile(values.order, 'order file');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError(`${values.order}: must be a JSON object with "order" and "strategies"`);
  const data = await openBarFile(positionals[0]!, values);
  if (data.series.barMinutes >= 1440)
    throw new InputError(`${positionals[0]}: replay needs intraday bars (this file has one bar a day)`);
  const given = raw as Record<string, unknown>;
  let marketSource = `"market" of ${values.order}`;
  let market = given.market;
  if (market === undefined) {
    market = calibrateMarket(data.series, { session: data.session, spreadBps: data.spreadBps, bootstrap: 20 }).market;
    marketSource = `calibrated from ${positionals[0]}`;
  }
  const config = parseEvaluationConfig({ name: 'replay', ...given, market, evaluation: { paths: 1000 } });
  const grid = orderGrid(config.order);
  if (config.order.startMinute + grid.horizonMinutes > sessionMinutes(data.session)) {
    throw new InputError(
      `order: startMinute + horizon (${config.order.startMinute + grid.horizonMinutes} min) runs past the session of ${sessionMinutes(data.session)} min; replay runs within one day`,
      'order.horizonMinutes',
    );
  }
  // policy files of `policy` strategies, relative to the order file's folder (as evaluate reads them)
  const plan = buildExecutionPlan(config, {
    paths: 1000,
    policies: loadPolicies(config, dirname(resolve(values.order))),
  });
  const days = splitDays(data.series)
    .map((d) =>
      daySteps(data.series, d, data.session, config.order.startMinute, grid.stepMinutes, grid.steps, data.spreadBps),
    )
    .filter((d): d is NonNullable<typeof d> => d !== undefined);
  const result = runReplay(plan, config, days);
  const history = await openHistory(values);
  if (history) {
    const current = detectRegimes(data.series, data.session, { spreadBps: data.spreadBps, classifier: false }).current;
    const id = runId();
    await history.append(
      result.strategies.map((name, i) => ({
        runId: id,
        command: 'replay' as const,
        symbol: data.series.symbol,
        regime: current?.label ?? 'unknown',
        grid: current?.grid ?? 'unknown',
        strategy: name,
        strategyType: name,
        meanBps: result.total[name]!.isBps,
        stderrBps: result.total[name]!.stderrBps,
        scoreBps: result.total[name]!.isBps,
        won: name === result.best,
        seed: 0,
        version: VERSION,
        config: JSON.stringify({ ...config, strategies: config.strategies[i] }),
      })),
    );
    history.close();
  }
  if (values.json) {
    console.log(JSON.stringify({ dataQuality: data.quality, marketSource, ...result }));
    return;
  }
  console.log(formatQuality(data.quality));
  console.log(formatReplay(result, marketSource));
}
