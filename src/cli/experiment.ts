// flowexec experiment NAME [--quick] [--json] [--out POLICY.json]: the learning experiments of the README.
import { EXPERIMENT_USAGE } from './usage.js';
import { resolve } from 'node:path';
import { InputError } from '../market/validation.js';
import { createNodeEngine } from '../runtime/node.js';
import { parseCommand } from './args.js';
import { writeAtomically } from './evaluate.js';
import { formatIteration } from './train.js';

const NAMES = ['ppo-ac', 'ppo-heston'] as const;

const f = (x: number, d = 2) => x.toFixed(d);
const ci = (c: [number, number], d = 2) => `[${f(c[0], d)}, ${f(c[1], d)}]`;

export async function experimentCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    quick: { type: 'boolean' }, json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, 1);
  if (values.help) { console.log(`usage: ${EXPERIMENT_USAGE}`); return; }
  const name = positionals[0];
  if (!name || !NAMES.includes(name as never)) throw new InputError(name ? `unknown experiment '${name}' (available: ${NAMES.join(', ')})` : `missing experiment name (usage: ${EXPERIMENT_USAGE})`);
  const quick = Boolean(values.quick);
  const engine = await createNodeEngine();
  let total = 0;
  const onIteration = (log: import('../learn/ppo.js').IterationLog) => {
    if (log.iteration === 1 || log.iteration % 10 === 0 || log.iteration === total) console.error(formatIteration(log, total));
  };
  if (name === 'ppo-ac') {
    const { ppoAc, ppoAcConfig } = await import('../learn/experiments/ppo-ac.js');
    total = ppoAcConfig(quick).ppo.iterations;
    const { policy, ...r } = await ppoAc({ quick, engine, onIteration });
    if (values.out) writeAtomically(resolve(values.out), JSON.stringify(policy) + '\n');
    if (values.json) { console.log(JSON.stringify(r)); return; }
    console.log(`ppo-ac${quick ? ' (quick)' : ''}: Almgren-Chriss world, mean-variance objective, ${r.paths.toLocaleString('en-US')} common paths, objective in bps`);
    console.log(`  optimum (AC schedule, closed form)  ${f(r.optimumObjective, 4)}`);
    console.log(`  AC schedule, Monte Carlo            ${f(r.acMonteCarloObjective, 4)}`);
    console.log(`  PPO, Monte Carlo                    ${f(r.ppoObjective, 4)}  (SE ${f(r.ppoStderr, 4)})`);
    console.log(`  PPO - AC on common paths            ${f(r.pairedGap.mean, 4)}  95% CI ${ci(r.pairedGap.ci95, 4)}: gap ${f(r.gapToOptimumPct, 3)}% of the optimum`);
    console.log(`  TWAP                                ${f(r.twapObjective, 4)}`);
    console.log(`  ${r.gapToOptimumPct <= 3 ? 'within' : 'NOT within'} 3% of the optimum; trained on ${r.envSteps.toLocaleString('en-US')} env steps in ${f(r.trainingSeconds, 1)} s`);
    return;
  }
  const { ppoHeston, ppoHestonConfig } = await import('../learn/experiments/ppo-heston.js');
  total = ppoHestonConfig(quick).ppo.iterations;
  const { policy, ...r } = await ppoHeston({ quick, engine, onIteration });
  if (values.out) writeAtomically(resolve(values.out), JSON.stringify(policy) + '\n');
  if (values.json) { console.log(JSON.stringify(r)); return; }
  console.log(`ppo-heston${quick ? ' (quick)' : ''}: Heston, concave + transient impact, mean-variance (risk aversion ${r.riskAversion}), ${r.paths.toLocaleString('en-US')} common paths, objective in bps`);
  console.log(`  PPO                      ${f(r.ppo.mean)}  95% CI ${ci(r.ppo.ci95)}`);
  console.log(`  TWAP                     ${f(r.twap.mean)}  95% CI ${ci(r.twap.ci95)}`);
  console.log(`  best AC (lambda ${r.bestAc.riskAversion})`.padEnd(27) + `${f(r.bestAc.mean)}  95% CI ${ci(r.bestAc.ci95)}`);
  console.log(`  PPO - TWAP (paired)      ${f(r.ppoMinusTwap.mean)}  95% CI ${ci(r.ppoMinusTwap.ci95)}: ${r.beatsTwap ? 'PPO beats TWAP' : 'no significant win over TWAP'}`);
  console.log(`  PPO - best AC (paired)   ${f(r.ppoMinusBestAc.mean)}  95% CI ${ci(r.ppoMinusBestAc.ci95)}: ${r.beatsBestAc ? 'PPO beats the best static AC' : 'no significant win over the best static AC'}`);
  console.log(`  trained on ${r.envSteps.toLocaleString('en-US')} env steps in ${f(r.trainingSeconds, 1)} s`);
}
