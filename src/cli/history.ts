// flowexec history: per-regime, per-strategy performance from the run history; --export writes it to Parquet or CSV.
import { HISTORY_USAGE } from './usage-data.js';
import { InputError } from '../errors/input-error.js';
import { parseCommand } from './args.js';
import { outputTarget } from './files.js';
import { existsSync } from 'node:fs';
import { RunHistory, DEFAULT_HISTORY_PATH } from '../runtime/run-history.js';
import { trainMetaSelector } from '../eval/meta-selector.js';

export async function historyCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(
    args,
    {
      history: { type: 'string' },
      regime: { type: 'string' },
      export: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    0,
  );
  if (values.help) {
    console.log(`usage: ${HISTORY_USAGE}`);
    return;
  }
  const path = values.history ?? process.env.FLOWEXEC_HISTORY ?? DEFAULT_HISTORY_PATH;
  if (!existsSync(path))
    throw new InputError(
      `no run history at ${path} (evaluate, recommend and replay record runs there; --history PATH)`,
      'history',
    );
  const target = outputTarget(values.export, 'export', ['parquet', 'csv'] as const);
  const history = await RunHistory.open(path);
  try {
    if (target) {
      const rows = await history.export(target.path);
      console.log(`${rows} rows exported to ${target.path}`);
      return;
    }
    const summary = await history.summary(values.regime);
    const meta = trainMetaSelector(await history.winners());
    if (values.json) {
      console.log(
        JSON.stringify({
          path,
          summary,
          metaSelector: { accuracy: meta.accuracy, recentAccuracy: meta.recentAccuracy, evaluated: meta.evaluated },
        }),
      );
      return;
    }
    console.log(
      `run history ${path}${values.regime ? ` (regime ${values.regime})` : ''}: per regime, strategies by mean score`,
    );
    console.log('  regime  command    strategy                              runs  wins  mean IS (bps)  mean score');
    for (const r of summary)
      console.log(
        `  ${(r.regime ?? '-').padEnd(6)}  ${r.command.padEnd(9)}  ${r.strategyType.padEnd(36)}  ${String(r.runs).padStart(4)}  ${String(r.wins).padStart(4)}  ${r.meanBps.toFixed(2).padStart(13)}  ${r.meanScoreBps.toFixed(2).padStart(10)}`,
      );
    if (meta.evaluated > 0)
      console.log(
        `meta-selector: right in ${(100 * meta.accuracy).toFixed(0)}% of ${meta.evaluated} prequential predictions (last ${Math.min(20, meta.evaluated)}: ${(100 * meta.recentAccuracy).toFixed(0)}%)`,
      );
  } finally {
    history.close();
  }
}
