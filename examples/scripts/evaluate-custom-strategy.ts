// Evaluate strategies written in code beside the built-ins, on common random numbers: a per-step schedule and an MLP.
import { evaluate, mlpPolicy, type EvaluationConfig } from 'flowexec';

const steps = 10;
// front-loaded: shares per step, written out (they sum to the order)
const quantitiesShares = Array.from({ length: steps }, (_, k) => ((2 * (steps - k)) / (steps * (steps + 1))) * 500_000);
// a closed-loop policy as a 6 -> 2 -> 1 -> 1 ReLU network: u = 2 max(priceMove, 0) - 1, trading slower than TWAP
// (u < 0) until the price has risen by half a horizon's sigma, then faster (u > 0: sell into strength)
const w1 = [0, 0, 0, 1, 0, 0, /* row 2: */ 0, 0, 0, 0, 0, 0];
const opportunist = mlpPolicy('sell-into-strength', {
  hidden: [2, 1],
  w1,
  b1: [0, 0],
  w2: [2, 0],
  b2: [0],
  w3: [1],
  b3: [-1],
});

const config = {
  name: 'custom strategies',
  market: {
    model: { type: 'gbm', s0: 40, sigma: 0.3 },
    dailyVolume: 1e7,
    volumeCurve: { type: 'u-shape' },
    impact: { temporary: { eta: 0.05, beta: 0.6 }, permanent: { gamma: 0.1 }, spread: { halfSpreadBps: 1 } },
  },
  order: { side: 'sell', shares: 500_000, horizonMinutes: 120, steps },
  strategies: [
    { type: 'twap' },
    { type: 'vwap' },
    { type: 'almgren-chriss', riskAversion: 20 },
    { type: 'schedule', name: 'front-loaded', fractions: quantitiesShares },
    { type: 'policy', name: 'sell-into-strength MLP', file: 'sell-into-strength' },
  ],
  evaluation: { paths: 20_000, riskAversion: 20 },
} satisfies Record<string, unknown>;

const report = await evaluate(config as unknown as EvaluationConfig, {
  policies: { 'sell-into-strength': opportunist },
});
console.log(`${report.name}: ${report.paths} common paths, ${report.steps} steps`);
for (const s of report.strategies) {
  console.log(
    `  ${s.name.padEnd(26)} ${s.mean.toFixed(2).padStart(8)} bps  [${s.ci95[0].toFixed(2)}, ${s.ci95[1].toFixed(2)}]  sd ${s.std.toFixed(2)}`,
  );
}
if (report.strategies.length !== 5 || !report.strategies.every((s) => Number.isFinite(s.mean)))
  throw new Error('expected five finite results');
