// Where a PPO iteration's time goes on 1 and 2 threads (ppo-heston --quick, 6 iterations): wall per iteration and the
// part spent in the minibatch gradient calls (the part the worker threads share). Run: node --import tsx bench/ppo-profile.ts
import { ppoHestonConfig } from '../src/learn/experiments/ppo-heston.js';
import { trainingEnvironment } from '../src/learn/train.js';
import { trainPpo } from '../src/learn/ppo.js';
import { createNodeEngine } from '../src/runtime/node.js';
import { InlineGradients, type GradientRunnerFactory } from '../src/learn/ppo-gradients.js';
import { gradientPool } from '../src/runtime/node-gradient-pool.js';

for (const threads of [1, 2]) {
  const config = ppoHestonConfig(true);
  config.ppo.iterations = 6;
  const { training } = trainingEnvironment(config);
  let gradientMs = 0,
    calls = 0;
  const base: GradientRunnerFactory =
    threads > 1 ? gradientPool(threads)! : (tf, nets) => new InlineGradients(tf, nets);
  const factory: GradientRunnerFactory = (tf, nets, shape) => {
    const inner = base(tf, nets, shape);
    return {
      threads: inner.threads,
      run: async (w, s, l) => {
        const t = performance.now();
        const r = await inner.run(w, s, l);
        gradientMs += performance.now() - t;
        calls++;
        return r;
      },
      close: () => inner.close(),
    };
  };
  const logs: { stepsPerSec: number }[] = [];
  const t0 = performance.now();
  let iterStart = t0;
  const iterMs: number[] = [];
  const gradMs: number[] = [];
  let gradAt = 0;
  await trainPpo({
    engine: await createNodeEngine(),
    spec: training,
    settings: config.ppo,
    gradients: factory,
    onIteration: (l) => {
      logs.push(l);
      const now = performance.now();
      iterMs.push(now - iterStart);
      iterStart = now;
      gradMs.push(gradientMs - gradAt);
      gradAt = gradientMs;
    },
  });
  const steady = iterMs.slice(1).reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({
      threads,
      iterations: iterMs.length - 1,
      msPerIteration: steady / (iterMs.length - 1),
      gradientMsPerIteration: gradMs.slice(1).reduce((a, b) => a + b, 0) / (gradMs.length - 1),
      gradientCallsPerIteration: calls / logs.length,
      envStepsPerSec: logs.slice(1).reduce((a, l) => a + l.stepsPerSec, 0) / (logs.length - 1),
    }),
  );
}
process.exit(0);
