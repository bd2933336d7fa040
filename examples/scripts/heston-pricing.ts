// Price a European call with the semi-analytic Heston pricer, then check a Monte Carlo run of the same contract.
import { hestonCall, hestonPut, simulate } from 'flowexec';

// the canonical heston-paths contract (src/workloads/heston-paths.json)
const option = {
  s0: 100,
  strike: 100,
  maturityYears: 1,
  rate: 0,
  dividendYield: 0,
  v0: 0.04,
  kappa: 1.5,
  theta: 0.04,
  xi: 0.6,
  rho: -0.7,
};
const exact = hestonCall(option);
console.log(`Heston call, semi-analytic: ${exact.toFixed(10)} (put ${hestonPut(option).toFixed(10)})`);

const run = await simulate('heston-paths', { paths: 20_000, seed: 1 });
const z = (run.cvMean! - exact) / run.cvStderr!;
console.log(
  `Monte Carlo, 252-step Euler, ${run.paths} paths: ${run.cvMean!.toFixed(4)} +- ${run.cvStderr!.toFixed(4)} (control variate), z = ${z.toFixed(2)}`,
);
// 4 standard errors (the Euler bias at 252 steps is about 0.004, far below one SE here)
if (Math.abs(z) > 4) throw new Error(`Monte Carlo and the pricer disagree: z = ${z}`);
