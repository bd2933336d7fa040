// flowexec experiment flowoe [--quick] [--json] [--out POLICY.json]: progress per phase on stderr, tables on stdout.
import { createNodeEngine } from '../runtime/node.js';
import { writeAtomically } from './files.js';
import { withTfjs } from './tfjs.js';
import { formatRegimeTables } from './flowoe-report.js';

export async function flowOeExperimentCommand(quick: boolean, json: boolean, out: string | undefined): Promise<void> {
  const { flowOeExperiment } = await withTfjs(
    'flowexec experiment flowoe',
    () => import('../learn/experiments/flowoe.js'),
  );
  const started = performance.now();
  const onProgress = (line: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const r = await flowOeExperiment({ quick, engine: await createNodeEngine(), onProgress });
  if (out) writeAtomically(out, JSON.stringify(r.policy) + '\n');
  const { policy: _policy, ...result } = r;
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(
    [
      `flowoe${quick ? ' (quick)' : ''}: one flow-matching policy for the regimes ${r.tables.map((t) => t.regime).join(', ')} (pure imitation: no refining loss yet)`,
      ...formatRegimeTables(r.tables, r.evaluationPaths),
      `  beats every expert in ${r.regimesBeatingEveryExpert} of ${r.tables.length} regimes; ${r.demonstrationPairs.toLocaleString('en-US')} demonstration pairs, trained in ${r.trainingSeconds.toFixed(1)} s`,
    ].join('\n'),
  );
}
