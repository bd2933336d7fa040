// flowexec experiment map-elites [--quick] [--json]: regime specialists evolved over the volatility x liquidity grid,
// each cell's elite against the one generalist on common Monte Carlo paths (paired CIs).
import { runMapElites, schedule } from '../learn/map-elites/map-elites.js';
import { cellConfig, CELL_VOLS, CELL_VOLUMES } from '../learn/map-elites/cells.js';
import { evaluate } from '../index.js';
import { executorFor } from '../runtime/node-pool.js';
import { threadsOption } from './args.js';

export async function mapElitesCommand(values: { quick?: boolean; json?: boolean; threads?: string }): Promise<void> {
  const quick = Boolean(values.quick);
  const candidates = quick ? 10_000 : 100_000,
    paths = quick ? 4000 : 40_000;
  const me = runMapElites(candidates);
  const executor = await executorFor(threadsOption(values));
  const rows = [];
  try {
    for (const [c, m] of me.models.entries()) {
      const elite = me.elites[c]!;
      const cell = me.cells[c]!;
      const config = cellConfig(CELL_VOLS[cell.vol]!, CELL_VOLUMES[cell.liquidity]!, [
        schedule(elite.genome, m.volumeShare),
        schedule(me.generalist.genome, m.volumeShare),
      ]);
      const result = await evaluate(config, { executor, paths });
      const [e, g] = [result.strategies.find((s) => s.name === 's0')!, result.strategies.find((s) => s.name === 's1')!];
      const paired = result.pairedToBest.find((p) => p.strategy === 's0' || p.strategy === 's1');
      // elite - generalist: pairedToBest holds (worse - best); turn it the elite's way
      const diff = !paired
        ? { mean: 0, ci95: [0, 0] as [number, number] }
        : paired.strategy === 's0'
          ? paired
          : { mean: -paired.mean, ci95: [-paired.ci95[1], -paired.ci95[0]] as [number, number] };
      rows.push({
        cell: cell.name,
        genome: elite.genome,
        exactScore: elite.score,
        eliteScore: e.score,
        generalistScore: g.score,
        eliteMeanBps: e.mean,
        generalistMeanBps: g.mean,
        eliteMinusGeneralist: { mean: diff.mean, ci95: diff.ci95 },
        specialistWins: diff.ci95[1] < 0,
      });
    }
  } finally {
    await executor.close();
  }
  const wins = rows.filter((r) => r.specialistWins).length;
  const out = {
    candidates: me.evaluated,
    searchSeconds: me.seconds,
    paths,
    generalist: me.generalist,
    cells: rows,
    specialistWins: wins,
  };
  if (values.json) {
    console.log(JSON.stringify(out));
    return;
  }
  const g = (x: number) => x.toFixed(2);
  console.log(
    `map-elites${quick ? ' (quick)' : ''}: ${me.evaluated.toLocaleString('en-US')} schedule policies scored exactly in all 9 cells in ${me.seconds.toFixed(1)} s; elites vs the generalist on ${paths.toLocaleString('en-US')} common paths per cell (mean IS, bps)`,
  );
  console.log(
    `generalist: urgency ${g(me.generalist.genome.urgency)}, vwap weight ${g(me.generalist.genome.vwapWeight)}, end load ${g(me.generalist.genome.endLoad)}; mean exact score ${g(me.generalist.meanScore)}`,
  );
  console.log(
    '  cell                   urgency  vwap  end    elite IS  generalist IS  elite - generalist (paired 95% CI)',
  );
  for (const r of rows) {
    console.log(
      `  ${r.cell.padEnd(22)} ${g(r.genome.urgency).padStart(7)} ${g(r.genome.vwapWeight).padStart(5)} ${g(r.genome.endLoad).padStart(4)} ${g(r.eliteMeanBps).padStart(11)} ${g(r.generalistMeanBps).padStart(14)}   ${g(r.eliteMinusGeneralist.mean).padStart(7)} [${g(r.eliteMinusGeneralist.ci95[0])}, ${g(r.eliteMinusGeneralist.ci95[1])}]${r.specialistWins ? '  specialist wins' : ''}`,
    );
  }
  console.log(
    `specialists beat the generalist significantly in ${wins} of 9 cells (the generalist is the best single schedule over all cells, not PPO)`,
  );
}
