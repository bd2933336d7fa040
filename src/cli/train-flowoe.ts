// flowexec train flowoe CONFIG.json --out POLICY.json: experts, demonstrations and flow matching; a line per phase.
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { createNodeEngine } from '../runtime/node.js';
import { readJsonFile, writeAtomically } from './files.js';
import { withTfjs } from './tfjs.js';

/**
 * A regime given as a path (relative to the config file) becomes { name: the file's base name, config: its JSON }; an
 * expert policy given as a path becomes the file's JSON.
 */
function expandRegimeFiles(input: unknown, configPath: string): unknown {
  if (!input || typeof input !== 'object' || !Array.isArray((input as { regimes?: unknown }).regimes)) return input;
  const regimes = (input as { regimes: unknown[] }).regimes.map((r, i) => {
    if (typeof r !== 'string') return r;
    if (!r.endsWith('.json'))
      throw new InputError(`regimes.${i}: a regime file must end in .json (got "${r}")`, `regimes.${i}`);
    const path = resolve(dirname(configPath), r);
    return { name: path.replace(/^.*\//, '').replace(/\.json$/, ''), config: readJsonFile(path, `regimes.${i} file`) };
  });
  const experts = (input as { experts?: { policies?: unknown } }).experts;
  if (!experts || typeof experts !== 'object' || !Array.isArray(experts.policies)) return { ...input, regimes };
  // a trained expert's policy file, by path relative to the config
  const policies = experts.policies.map((e: unknown, i) => {
    const file = e && typeof e === 'object' ? (e as { policy?: unknown }).policy : undefined;
    return typeof file === 'string'
      ? {
          ...(e as object),
          policy: readJsonFile(resolve(dirname(configPath), file), `experts.policies.${i}.policy file`),
        }
      : e;
  });
  return { ...input, regimes, experts: { ...experts, policies } };
}

/** `iterations` (--iterations) overrides flow.iterations. */
export async function trainFlowOeCommand(file: string, out: string, json: boolean, iterations?: number): Promise<void> {
  const { parseFlowOeConfig } = await import('../learn/flow/flowoe-config.js');
  const config = parseFlowOeConfig(expandRegimeFiles(readJsonFile(file, 'config file'), file));
  if (iterations !== undefined) config.flow.iterations = iterations;
  const { trainFlowOe } = await withTfjs('flowexec train flowoe', () => import('../learn/flow/flowoe.js'));
  const started = performance.now();
  const trained = await trainFlowOe(config, await createNodeEngine(), {
    onProgress: (line) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`),
  });
  trained.net.dispose();
  writeAtomically(out, JSON.stringify(trained.policy) + '\n');
  if (json)
    console.log(
      JSON.stringify({
        out,
        losses: trained.losses,
        scores: trained.scores,
        demonstrationPairs: trained.demonstrationPairs,
      }),
    );
  else console.log(`flow policy written to ${out}`);
}
