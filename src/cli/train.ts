// flowexec train ppo CONFIG.json --out policy.json: PPO on tfjs-wasm in the wasm environment; a line per iteration.
import { TRAIN_USAGE } from './usage.js';
import { InputError } from '../errors/input-error.js';
import { createNodeEngine } from '../runtime/node.js';
import { parseCommand, integerOption, threadsOption } from './args.js';
import { gradientPool } from '../runtime/node-gradient-pool.js';
import { readJsonFile, outputTarget, writeAtomically } from './files.js';

export function formatIteration(l: import('../learn/ppo.js').IterationLog, total: number): string {
  return `iter ${String(l.iteration).padStart(String(total).length)}/${total}  env-steps ${l.envSteps.toLocaleString('en-US')}`
    + `  IS ${l.meanCostBps.toFixed(2)} bps  objective ${l.objective.toFixed(2)}  done ${(100 * l.completion).toFixed(1)}%`
    + `  loss pi ${l.policyLoss.toFixed(4)} v ${l.valueLoss.toFixed(4)}  entropy ${l.entropy.toFixed(3)}`
    + `  kl ${l.approxKl.toFixed(4)}  ${Math.round(l.stepsPerSec).toLocaleString('en-US')} steps/s`;
}

export async function trainCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    out: { type: 'string' }, iterations: { type: 'string' }, threads: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  }, 2);
  if (values.help) { console.log(`usage: ${TRAIN_USAGE}`); return; }
  const [algorithm, file] = positionals;
  if (algorithm !== 'ppo' && algorithm !== 'flowoe') throw new InputError(algorithm ? `unknown algorithm '${algorithm}' (available: ppo, flowoe)` : `missing algorithm (usage: ${TRAIN_USAGE})`);
  if (!file) throw new InputError(`missing CONFIG.json (usage: ${TRAIN_USAGE})`);
  if (!values.out) throw new InputError('--out POLICY.json is required (where the trained policy goes)', 'out');
  const out = outputTarget(values.out, 'out', ['json'])!.path;
  if (algorithm === 'flowoe') return (await import('./train-flowoe.js')).trainFlowOeCommand(file, out, Boolean(values.json), integerOption(values, 'iterations', 1, 1_000_000));
  const { parseTrainConfig } = await import('../learn/train-config.js');
  const config = parseTrainConfig(readJsonFile(file, 'config file'));
  const iterations = integerOption(values, 'iterations', 1, 100_000);
  if (iterations !== undefined) config.ppo.iterations = iterations;
  const threads = threadsOption(values);
  const { trainFromConfig } = await import('../learn/train.js');
  const engine = await createNodeEngine();
  const result = await trainFromConfig(config, engine, {
    onIteration: (log) => console.log(values.json ? JSON.stringify(log) : formatIteration(log, config.ppo.iterations)),
    gradients: gradientPool(threads),
  });
  writeAtomically(out, JSON.stringify(result.policy) + '\n');
  if (!values.json) console.log(`policy written to ${out}`);
}
