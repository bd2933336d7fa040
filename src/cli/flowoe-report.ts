// The human report of FlowOE: one table per regime (objective with CI, mean and std of IS, completion) and the flow's
// paired difference to the best expert with its CI and p-value.
import type { RegimeTable } from '../learn/flow/flowoe.js';

const f = (x: number, d = 2) => x.toFixed(d);

export function formatRegimeTables(tables: RegimeTable[], paths: number): string[] {
  const lines: string[] = [];
  for (const t of tables) {
    lines.push(`regime ${t.regime}: ${paths.toLocaleString('en-US')} common paths, objective and IS in bps`);
    lines.push(
      `  ${'policy'.padEnd(18)}${'objective'.padStart(10)}  ${'95% CI'.padEnd(18)}${'mean IS'.padStart(9)}${'std IS'.padStart(9)}${'done'.padStart(9)}`,
    );
    for (const r of t.rows) {
      lines.push(
        `  ${r.policy.padEnd(18)}${f(r.objective.mean).padStart(10)}  ${`[${f(r.objective.ci95[0])}, ${f(r.objective.ci95[1])}]`.padEnd(18)}` +
          `${f(r.meanIsBps).padStart(9)}${f(r.stdIsBps).padStart(9)}${`${f(100 * r.completion, 1)}%`.padStart(9)}`,
      );
    }
    const d = t.flowMinusBest;
    lines.push(
      `  flowoe - best expert (${t.bestExpert}), paired: ${f(d.mean, 3)}  95% CI [${f(d.ci95[0], 3)}, ${f(d.ci95[1], 3)}]  p ${d.pValue.toPrecision(2)}` +
        `: ${t.beatsEveryExpert ? 'beats every expert' : 'does not beat every expert'}`,
    );
    const a = t.refinedMinusImitation;
    if (a)
      lines.push(
        `  refining (flowoe - flowoe-imitation), paired: ${f(a.mean, 3)}  95% CI [${f(a.ci95[0], 3)}, ${f(a.ci95[1], 3)}]  p ${a.pValue.toPrecision(2)}`,
      );
  }
  return lines;
}
