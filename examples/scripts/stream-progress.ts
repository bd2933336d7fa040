// Stream an evaluation's progress, and cancel a second one part-way through with an AbortSignal.
import { evaluate } from 'flowexec';

const config = {
  market: {
    model: { type: 'abm', s0: 50, sigmaPerSqrtDay: 0.95 },
    dailyVolume: 5e6,
    impact: { type: 'almgren-chriss', epsilon: 0.0625, eta: 2.5e-6, gamma: 2.5e-7 },
  },
  order: { shares: 1e6, horizonDays: 5, steps: 5 },
  strategies: [{ type: 'twap' }, { type: 'almgren-chriss', riskAversionPerCurrency: 1e-6 }],
  evaluation: { paths: 200_000, frontier: [0, 10, 50] },
};

const report = await evaluate(config, {
  onProgress: (done, total) => console.log(`progress ${((100 * done) / total).toFixed(0)}% (${done} / ${total} paths)`),
});
for (const point of report.frontier ?? []) {
  console.log(
    `frontier lambda ${point.riskAversion}: closed form ${point.analyticMean.toFixed(2)} bps, Monte Carlo ${point.monteCarloMean.toFixed(2)} +- ${point.monteCarloStderr.toFixed(2)}`,
  );
}

const controller = new AbortController();
try {
  await evaluate(config, {
    onProgress: (done) => {
      if (done >= 100_000) controller.abort();
    },
    signal: controller.signal,
  });
  throw new Error('the evaluation should have been cancelled');
} catch (error) {
  if (!controller.signal.aborted) throw error;
  console.log(`cancelled after half the paths: ${(error as Error).message}`);
}
