// flowexec experiment NAME [--quick] [--json] [--out POLICY.json]: the learning experiments of the README.
import { EXPERIMENT_USAGE } from './usage.js';
import { InputError } from '../errors/input-error.js';
import { createNodeEngine } from '../runtime/node.js';
import { parseCommand, threadsOption } from './args.js';
import { gradientPool } from '../runtime/node-gradient-pool.js';
import { outputTarget, writeAtomically } from './files.js';
import { withTfjs } from './tfjs.js';
import type { ExperimentOptions } from '../learn/experiments/common.js';
import type { PpoAcResult } from '../learn/experiments/ppo-ac.js';
import type { PpoHestonResult } from '../learn/experiments/ppo-heston.js';
import type { IterationLog } from '../learn/ppo.js';
import type { PolicyFile } from '../strategies/policy-file.js';
import { formatIteration } from './train.js';

const NAMES = ['ppo-ac', 'ppo-heston', 'flowoe'] as const;

const f = (x: number, d = 2) => x.toFixed(d);
const ci = (c: [number, number], d = 2) => `[${f(c[0], d)}, ${f(c[1], d)}]`;
/** The JSON result: everything but the (large) policy, which --out writes. */
const withoutPolicy = <T extends { policy: PolicyFile }>({ policy: _policy, ...rest }: T) => rest;

/** An experiment's iteration count and its run: the trained policy, the JSON result and the human report. */
interface Experiment {
  iterations: number;
  run: (o: ExperimentOptions) => Promise<{ policy: PolicyFile; result: object; report: string[] }>;
}

async function ppoAcExperiment(quick: boolean): Promise<Experiment> {
  const { ppoAc, ppoAcConfig } = await withTfjs(
    'flowexec experiment ppo-ac',
    () => import('../learn/experiments/ppo-ac.js'),
  );
  const report = (r: PpoAcResult) => [
    `ppo-ac${quick ? ' (quick)' : ''}: Almgren-Chriss world, mean-variance objective, ${r.paths.toLocaleString('en-US')} common paths, objective in bps`,
    `  optimum (AC schedule, closed form)  ${f(r.optimumObjective, 4)}`,
    `  AC schedule, Monte Carlo            ${f(r.acMonteCarloObjective, 4)}  (SE ${f(r.acMonteCarloStderr, 4)}; closed form ${f(r.acClosedFormStderr, 4)})`,
    `  PPO, Monte Carlo                    ${f(r.ppoObjective, 4)}  (SE ${f(r.ppoStderr, 4)})`,
    `  PPO - AC on common paths            ${f(r.pairedGap.mean, 4)}  95% CI ${ci(r.pairedGap.ci95, 4)}: gap ${f(r.gapToOptimumPct, 3)}% of the optimum`,
    `  TWAP                                ${f(r.twapObjective, 4)}`,
    `  best static (schedule optimiser)    ${f(r.bestStatic.mean, 4)}; PPO - it ${f(r.ppoMinusBestStatic.mean, 4)}  95% CI ${ci(r.ppoMinusBestStatic.ci95, 4)}: ${r.beatsBestStatic ? 'PPO beats it' : 'no significant win over it'}`,
    `  ${r.gapToOptimumPct <= 3 ? 'within' : 'NOT within'} 3% of the optimum; trained on ${r.envSteps.toLocaleString('en-US')} env steps in ${f(r.trainingSeconds, 1)} s`,
  ];
  return {
    iterations: ppoAcConfig(quick).ppo.iterations,
    run: async (o) => {
      const r = await ppoAc(o);
      return { policy: r.policy, result: withoutPolicy(r), report: report(r) };
    },
  };
}

async function ppoHestonExperiment(quick: boolean): Promise<Experiment> {
  const { ppoHeston, ppoHestonConfig } = await withTfjs(
    'flowexec experiment ppo-heston',
    () => import('../learn/experiments/ppo-heston.js'),
  );
  const report = (r: PpoHestonResult) => [
    `ppo-heston${quick ? ' (quick)' : ''}: Heston, concave + transient impact, mean-variance (risk aversion ${r.riskAversion}), ${r.paths.toLocaleString('en-US')} common paths, objective in bps`,
    `  PPO                      ${f(r.ppo.mean)}  95% CI ${ci(r.ppo.ci95)}`,
    `  TWAP                     ${f(r.twap.mean)}  95% CI ${ci(r.twap.ci95)}`,
    `  best AC (lambda ${r.bestAc.riskAversion})`.padEnd(27) + `${f(r.bestAc.mean)}  95% CI ${ci(r.bestAc.ci95)}`,
    `  PPO - TWAP (paired)      ${f(r.ppoMinusTwap.mean)}  95% CI ${ci(r.ppoMinusTwap.ci95)}: ${r.beatsTwap ? 'PPO beats TWAP' : 'no significant win over TWAP'}`,
    `  PPO - best AC (paired)   ${f(r.ppoMinusBestAc.mean)}  95% CI ${ci(r.ppoMinusBestAc.ci95)}: ${r.beatsBestAc ? 'PPO beats the best static AC' : 'no significant win over the best static AC'}`,
    `  best static (optimiser)  ${f(r.bestStatic.mean)}  95% CI ${ci(r.bestStatic.ci95)}`,
    `  PPO - best static        ${f(r.ppoMinusBestStatic.mean)}  95% CI ${ci(r.ppoMinusBestStatic.ci95)}: ${r.beatsBestStatic ? 'PPO beats the best static schedule' : 'no significant win over the best static schedule'}`,
    `  trained on ${r.envSteps.toLocaleString('en-US')} env steps in ${f(r.trainingSeconds, 1)} s`,
  ];
  return {
    iterations: ppoHestonConfig(quick).ppo.iterations,
    run: async (o) => {
      const r = await ppoHeston(o);
      return { policy: r.policy, result: withoutPolicy(r), report: report(r) };
    },
  };
}

export async function experimentCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      quick: { type: 'boolean' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  );
  if (positionals[0] === 'map-elites') return (await import('./map-elites.js')).mapElitesCommand(values);
  if (values.help) {
    console.log(`usage: ${EXPERIMENT_USAGE}`);
    return;
  }
  const name = positionals[0];
  if (!name || !NAMES.includes(name as never))
    throw new InputError(
      name
        ? `unknown experiment '${name}' (available: ${NAMES.join(', ')})`
        : `missing experiment name (usage: ${EXPERIMENT_USAGE})`,
    );
  const quick = Boolean(values.quick);
  // checked before minutes of training, whose policy would otherwise be lost to a bad path
  const out = outputTarget(values.out, 'out', ['json'])?.path;
  const threads = threadsOption(values);
  if (name === 'flowoe')
    return (await import('./experiment-flowoe.js')).flowOeExperimentCommand(quick, Boolean(values.json), out);
  const experiment = name === 'ppo-ac' ? await ppoAcExperiment(quick) : await ppoHestonExperiment(quick);
  const onIteration = (log: IterationLog) => {
    if (log.iteration === 1 || log.iteration % 10 === 0 || log.iteration === experiment.iterations)
      console.error(formatIteration(log, experiment.iterations));
  };
  const { policy, result, report } = await experiment.run({
    quick,
    engine: await createNodeEngine(),
    onIteration,
    gradients: gradientPool(threads),
  });
  if (out) writeAtomically(out, JSON.stringify(policy) + '\n');
  console.log(values.json ? JSON.stringify(result) : report.join('\n'));
}
