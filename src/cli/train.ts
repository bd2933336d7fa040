// flowexec train ppo CONFIG.json --out policy.json: PPO on tfjs-wasm in the wasm environment; a line per iteration,
// then the held-out comparison against TWAP and the best static AC on evaluation.paths common paths.
import { TRAIN_USAGE } from './usage.js';
import { InputError } from '../errors/input-error.js';
import { createNodeEngine } from '../runtime/node.js';
import { parseCommand, integerOption, threadsOption } from './args.js';
import { gradientPool } from '../runtime/node-gradient-pool.js';
import { readJsonFile, outputTarget, writeAtomically, expectDocument } from './files.js';
import { withTfjs } from './tfjs.js';

export function formatIteration(l: import('../learn/ppo.js').IterationLog, total: number): string {
  return (
    `iter ${String(l.iteration).padStart(String(total).length)}/${total}  env-steps ${l.envSteps.toLocaleString('en-US')}` +
    `  IS ${l.meanCostBps.toFixed(2)} bps  objective ${l.objective.toFixed(2)}  done ${(100 * l.completion).toFixed(1)}%` +
    `  loss pi ${l.policyLoss.toFixed(4)} v ${l.valueLoss.toFixed(4)}  entropy ${l.entropy.toFixed(3)}` +
    `  kl ${l.approxKl.toFixed(4)}  ${Math.round(l.stepsPerSec).toLocaleString('en-US')} steps/s`
  );
}

export async function trainCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      out: { type: 'string' },
      iterations: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    2,
  );
  if (values.help) {
    console.log(`usage: ${TRAIN_USAGE}`);
    return;
  }
  const [algorithm, file] = positionals;
  if (algorithm !== 'ppo' && algorithm !== 'flowoe')
    throw new InputError(
      algorithm
        ? `unknown algorithm '${algorithm}' (available: ppo, flowoe)`
        : `missing algorithm (usage: ${TRAIN_USAGE})`,
    );
  if (!file) throw new InputError(`missing CONFIG.json (usage: ${TRAIN_USAGE})`);
  if (!values.out) throw new InputError('--out POLICY.json is required (where the trained policy goes)', 'out');
  const out = outputTarget(values.out, 'out', ['json'])!.path;
  if (algorithm === 'flowoe')
    return (await import('./train-flowoe.js')).trainFlowOeCommand(
      file,
      out,
      Boolean(values.json),
      integerOption(values, 'iterations', 1, 1_000_000),
    );
  const { parseTrainConfig } = await import('../learn/train-config.js');
  const raw = readJsonFile(file, 'config file');
  expectDocument(raw, file, ['training', 'evaluation']);
  const config = parseTrainConfig(raw);
  const iterations = integerOption(values, 'iterations', 1, 100_000);
  if (iterations !== undefined) config.ppo.iterations = iterations;
  const threads = threadsOption(values);
  const { trainFromConfig } = await withTfjs('flowexec train ppo', () => import('../learn/train.js'));
  const engine = await createNodeEngine();
  const result = await trainFromConfig(config, engine, {
    onIteration: (log) => console.log(values.json ? JSON.stringify(log) : formatIteration(log, config.ppo.iterations)),
    gradients: gradientPool(threads),
  });
  writeAtomically(out, JSON.stringify(result.policy) + '\n');
  if (!values.json) console.log(`policy written to ${out}\n`);
  // the held-out comparison: evaluation.paths common paths of evaluation.seed (never the training seed)
  const { heldOutComparison } = await import('../eval/held-out.js');
  const { executorFor } = await import('../runtime/node-pool.js');
  const executor = await executorFor(threads);
  let comparison;
  try {
    comparison = await heldOutComparison(config, result.policy, executor);
  } finally {
    await executor.close();
  }
  console.log(values.json ? JSON.stringify({ heldOut: comparison }) : formatHeldOut(comparison).join('\n'));
}

const f = (x: number, d = 2) => x.toFixed(d);
const ci = (c: [number, number], d = 2) => `[${f(c[0], d)}, ${f(c[1], d)}]`;

export function formatHeldOut(r: import('../eval/held-out.js').HeldOutComparison): string[] {
  const row = (label: string, s: { mean: number; ci95: [number, number]; score: number; completion: number }) =>
    `  ${label.padEnd(24)} IS ${f(s.mean).padStart(8)}  95% CI ${ci(s.ci95).padEnd(18)} score ${f(s.score).padStart(8)}  done ${f(100 * s.completion, 1)}%`;
  return [
    `held-out comparison: ${r.paths.toLocaleString('en-US')} common paths of seed ${r.seed} (evaluation.paths, evaluation.seed), bps; score = mean + ${r.riskAversion} x variance x 1e-4; completion rule "${r.completionRule}"`,
    row('policy', r.policy),
    row('twap', r.twap),
    row(`best AC (lambda ${r.bestAc.acRiskAversion})`, r.bestAc),
    `  policy - TWAP: paired IS ${f(r.policyMinusTwap.mean)} 95% CI ${ci(r.policyMinusTwap.ci95)}; score ${f(r.scoreVsTwap.difference)} (SE ${f(r.scoreVsTwap.stderr)}): ${r.beatsTwap ? 'the policy beats TWAP' : 'no significant win over TWAP'}`,
    `  policy - best AC: paired IS ${f(r.policyMinusBestAc.mean)} 95% CI ${ci(r.policyMinusBestAc.ci95)}; score ${f(r.scoreVsBestAc.difference)} (SE ${f(r.scoreVsBestAc.stderr)}): ${r.beatsBestAc ? 'the policy beats the best static AC' : 'no significant win over the best static AC'}`,
  ];
}
