// Run the batched environment with a hand-written policy: trade faster when the price has moved in our favour.
import { createEngine, VecEnv, OBSERVATION_FEATURE_NAMES } from 'flowexec';

const engine = await createEngine();
const env = new VecEnv(
  engine,
  {
    market: {
      model: { type: 'heston', s0: 100, v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.6, rho: -0.7 },
      dailyVolume: 2e7,
      impact: { temporary: { eta: 0.01, beta: 0.6 }, permanent: { gamma: 0.25 } },
    },
    order: { shares: 1e6, horizonMinutes: 390, stepMinutes: 15 },
    objective: { type: 'mean-variance', riskAversion: 100 },
  },
  { numEnvs: 256 },
);

const F = OBSERVATION_FEATURE_NAMES.length;
const price = OBSERVATION_FEATURE_NAMES.indexOf('priceMove');
console.log(
  `observation ${env.observationSpace.shape.join(' x ')} ${env.observationSpace.dtype}, action ${env.actionSpace.shape.join(' x ')} in [0, 1]`,
);

function episodeReturn(policy: (obs: Float32Array, i: number, stepsLeft: number) => number, seed: number): number {
  let { obs } = env.reset({ seed });
  for (let k = 0; k < env.maxEpisodeSteps; k++) {
    const stepsLeft = env.maxEpisodeSteps - k;
    const actions = Float64Array.from({ length: env.numEnvs }, (_, i) => policy(obs, i, stepsLeft));
    const step = env.step(actions);
    obs = step.obs;
    if (step.info.episode) return step.info.episode.returns.reduce((a, b) => a + b, 0) / env.numEnvs;
  }
  throw new Error('the episode did not end at maxEpisodeSteps');
}

const twap = (_obs: Float32Array, _i: number, stepsLeft: number) => 1 / stepsLeft;
const opportunistic = (obs: Float32Array, i: number, stepsLeft: number) =>
  Math.min(1, (1 / stepsLeft) * (1 + Math.max(0, obs[i * F + price]!))); // sell faster after the price rose
const a = episodeReturn(twap, 7),
  b = episodeReturn(opportunistic, 7); // same seed: common random numbers
console.log(`mean return per episode (bps, higher is better): TWAP ${a.toFixed(2)}, opportunistic ${b.toFixed(2)}`);
if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error('non-finite return');
