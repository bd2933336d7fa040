// flowexec recommend --data DATA.csv --order ORDER.json: calibrate, classify the regime, predict the winner from the
// run history, evaluate the candidates on common random numbers, and recommend one with its cost, CI and confidence.
import { RECOMMEND_USAGE } from './usage-data.js';
import { InputError } from '../errors/input-error.js';
import { parseCommand, integerOption, threadsOption } from './args.js';
import { readJsonFile } from './files.js';
import { openBarFile, DATA_OPTIONS } from './data-file.js';
import { formatQuality } from '../data/quality.js';
import { calibrateMarket } from '../market/calibration/calibrate.js';
import { detectRegimes } from '../market/regime/detect.js';
import { parseEvaluationConfig } from '../eval/config.js';
import { evaluate } from '../index.js';
import { trainMetaSelector } from '../eval/meta-selector.js';
import { executorFor } from '../runtime/node-pool.js';
import { HISTORY_OPTIONS, openHistory, runId, VERSION } from './history-option.js';
import { dirname, resolve } from 'node:path';
import { loadPolicies } from './evaluate.js';
import { specialistFor } from './specialists.js';

/** The classics evaluated when ORDER.json lists no strategies. */
export const DEFAULT_CANDIDATES = [
  { type: 'twap' },
  { type: 'vwap' },
  { type: 'pov', rate: 0.05 },
  { type: 'pov', rate: 0.1 },
  { type: 'pov', rate: 0.2 },
  { type: 'almgren-chriss', riskAversion: 1 },
  { type: 'almgren-chriss', riskAversion: 10 },
  { type: 'almgren-chriss', riskAversion: 100 },
  { type: 'adaptive-almgren-chriss', riskAversion: 10 },
];

const b = (x: number) => x.toFixed(2);

export async function recommendCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...DATA_OPTIONS,
      ...HISTORY_OPTIONS,
      data: { type: 'string' },
      order: { type: 'string' },
      paths: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      policy: { type: 'string', multiple: true },
      specialists: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    0,
  );
  if (values.help) {
    console.log(`usage: ${RECOMMEND_USAGE}`);
    return;
  }
  if (values.data === undefined) throw new InputError(`missing --data DATA.csv (usage: ${RECOMMEND_USAGE})`, 'data');
  if (values.order === undefined)
    throw new InputError(`missing --order ORDER.json (usage: ${RECOMMEND_USAGE})`, 'order');
  void positionals;
  const raw = readJsonFile(values.order, 'order file');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError(`${values.order}: must be a JSON object with "order"`);
  const paths = integerOption(values, 'paths', 1000, 4_000_000_000) ?? 20_000;
  const seed = integerOption(values, 'seed', 0, Number.MAX_SAFE_INTEGER);
  const threads = threadsOption(values);
  const data = await openBarFile(values.data, values);
  const calibration = calibrateMarket(data.series, { session: data.session, spreadBps: data.spreadBps, bootstrap: 50 });
  const regimes = detectRegimes(data.series, data.session, { spreadBps: data.spreadBps, classifier: false });
  const regime = regimes.current?.label ?? 'unknown',
    grid = regimes.current?.grid ?? 'unknown';
  const given = raw as Record<string, unknown>;
  // learned candidates (PPO, MAP-Elites specialists, FlowOE: policy files, all run in the engine) beside the
  // classics, on the same paths; each file is read and validated by loadPolicies below
  const learned: Array<{ type: string; file: string; name?: string }> = (values.policy ?? []).map((file) => ({
    type: 'policy',
    file: resolve(file),
  }));
  // routing by the detected cell: the MAP-Elites specialist of the current volatility x liquidity cell joins in
  const specialistFile = values.specialists !== undefined ? specialistFor(values.specialists, grid) : undefined;
  if (specialistFile) learned.push({ type: 'policy', file: specialistFile, name: `specialist:${grid}` });
  const config = parseEvaluationConfig({
    name: `recommend-${data.series.symbol}`,
    ...given,
    strategies: [...((given.strategies as unknown[] | undefined) ?? DEFAULT_CANDIDATES), ...learned],
    market: calibration.market,
    evaluation: {
      paths,
      ...(seed !== undefined ? { seed } : {}),
      riskAversion: (given.evaluation as { riskAversion?: number } | undefined)?.riskAversion ?? 1,
    },
  });

  const policies = loadPolicies(config, dirname(resolve(values.order)));
  const history = await openHistory(values);
  const meta = history ? trainMetaSelector(await history.winners()) : undefined;
  const predicted = meta?.predict(regime);
  const executor = await executorFor(threads);
  let result;
  try {
    result = await evaluate(config, { executor, paths, policies });
  } finally {
    await executor.close();
  }
  const byName = new Map(result.strategies.map((s) => [s.name, s]));
  const best = byName.get(result.ranking[0]!)!;
  const margin = result.pairedToBest[0];
  const recommendation = {
    strategy: best.name,
    expectedCostBps: best.mean,
    ci95: best.ci95,
    scoreBps: best.score,
    confidence: margin
      ? {
          runnerUp: margin.strategy,
          marginBps: margin.mean,
          ci95: margin.ci95,
          pValue: margin.pValue,
          level: 1 - margin.pValue,
        }
      : undefined,
  };
  const alternatives = result.ranking.map((name, rank) => {
    const s = byName.get(name)!;
    const paired = result.pairedToBest.find((p) => p.strategy === name);
    return {
      rank: rank + 1,
      strategy: name,
      meanBps: s.mean,
      ci95: s.ci95,
      scoreBps: s.score,
      marginBps: paired?.mean ?? 0,
      pValue: paired?.pValue ?? null,
    };
  });
  if (history) {
    const id = runId();
    await history.append(
      result.strategies.map((s) => ({
        runId: id,
        command: 'recommend' as const,
        symbol: data.series.symbol,
        regime,
        grid,
        strategy: s.name,
        strategyType: s.name,
        meanBps: s.mean,
        stderrBps: s.stderr,
        scoreBps: s.score,
        won: s.name === best.name,
        seed: result.seed,
        version: VERSION,
        config: JSON.stringify(config),
      })),
    );
    history.close();
  }
  const metaReport = meta
    ? {
        predicted: predicted?.winner ?? null,
        support: predicted?.support ?? 0,
        fromRegime: predicted?.fromRegime ?? false,
        rightThisTime: predicted ? predicted.winner === best.name : null,
        pastAccuracy: meta.accuracy,
        pastRuns: meta.evaluated,
      }
    : null;
  if (values.json) {
    console.log(
      JSON.stringify({
        dataQuality: data.quality,
        regime,
        grid,
        market: calibration.market,
        recommendation,
        alternatives,
        metaSelector: metaReport,
        specialist: values.specialists === undefined ? undefined : { cell: grid, file: specialistFile ?? null },
        paths: result.paths,
        seed: result.seed,
      }),
    );
    return;
  }
  console.log(formatQuality(data.quality));
  const p = calibration.parameters;
  console.log(
    `market: calibrated Heston v0 ${p.v0.estimate.toPrecision(3)}, theta ${p.theta.estimate.toPrecision(3)} (vol ${calibration.volatility.annualised.estimate.toPrecision(3)}), daily volume ${calibration.market.dailyVolume.toLocaleString('en-US')}, half spread ${calibration.market.impact.spread.halfSpreadBps} bp`,
  );
  console.log(`regime now: ${regime} (${grid}) since ${regimes.current?.start ?? '-'}`);
  if (values.specialists !== undefined)
    console.log(
      specialistFile
        ? `specialist for ${grid}: ${specialistFile} (a candidate below as specialist:${grid})`
        : `no specialist for ${grid} in ${values.specialists}`,
    );
  if (metaReport) {
    console.log(
      metaReport.predicted
        ? `meta-selector (before simulating): ${metaReport.predicted}, from ${metaReport.support} past ${metaReport.fromRegime ? `${regime} ` : ''}run(s); ${meta!.evaluated > 0 ? `right in ${(100 * meta!.accuracy).toFixed(0)}% of ${meta!.evaluated} past predictions` : 'no past prediction to score yet'}`
        : 'meta-selector: no history yet (every recommend run adds to it)',
    );
  }
  console.log(
    `\nrecommendation: ${best.name}: expected cost ${b(best.mean)} bps [${b(best.ci95[0])}, ${b(best.ci95[1])}], score ${b(best.score)} (${result.paths.toLocaleString('en-US')} common paths)`,
  );
  if (margin)
    console.log(
      `confidence: beats ${margin.strategy} by ${b(margin.mean)} bps [${b(margin.ci95[0])}, ${b(margin.ci95[1])}] of mean IS (paired, common paths), p ${margin.pValue < 1e-4 ? '< 1e-4' : margin.pValue.toPrecision(2)}`,
    );
  console.log('\n  rank  strategy                              mean IS (bps)  95% CI            score   vs best');
  for (const a of alternatives) {
    console.log(
      `  ${String(a.rank).padStart(4)}  ${a.strategy.padEnd(36)}  ${b(a.meanBps).padStart(12)}  [${b(a.ci95[0])}, ${b(a.ci95[1])}]`.padEnd(
        86,
      ) + `${b(a.scoreBps).padStart(7)}   ${a.rank === 1 ? 'best' : `+${b(a.marginBps)}`}`,
    );
  }
  if (history) console.log(`\nrecorded in ${history.path}`);
  if (metaReport?.rightThisTime !== null && metaReport)
    console.log(`meta-selector was ${metaReport.rightThisTime ? 'right' : 'wrong'} this time`);
}
