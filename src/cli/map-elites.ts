// flowexec experiment map-elites [--quick] [--json] [--out DIR]: regime specialists evolved by rollouts in the batched
// WASM env over the volatility x liquidity grid, each cell's elite against one PPO generalist on common paths.
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { EXPERIMENT_USAGE } from './usage.js';
import { createNodeEngine } from '../runtime/node.js';
import { gradientPool } from '../runtime/node-gradient-pool.js';
import { threadsOption } from './args.js';
import { writeAtomically } from './files.js';
import type { MapElitesExperimentResult } from '../learn/experiments/map-elites.js';
import { withTfjs } from './tfjs.js';
import { SPECIALISTS_INDEX, specialistFileName } from './specialists.js';

const g = (x: number) => x.toFixed(2);
const ci = (c: [number, number]) => `[${g(c[0])}, ${g(c[1])}]`;

export function formatMapElites(r: MapElitesExperimentResult): string[] {
  const lines = [
    `map-elites${r.quick ? ' (quick)' : ''}: ${r.candidates.toLocaleString('en-US')} MLP policies evaluated by closed-loop rollouts in the batched WASM env (${r.pathsPerCandidate} common paths each, ${(r.searchEnvSteps / 1e6).toFixed(0)}M env steps) in ${r.searchSeconds.toFixed(1)} s (${Math.round(r.candidatesPerSecond).toLocaleString('en-US')} candidates/s)`,
    `generalist: PPO on all 9 cells, ${r.generalistTraining.envSteps.toLocaleString('en-US')} env steps in ${r.generalistTraining.seconds.toFixed(1)} s; judged with each specialist on ${r.judgePaths.toLocaleString('en-US')} fresh common paths per cell (objective: mean IS + ${r.riskAversion} x running variance, bps)`,
    '',
    '  cell                specialist  generalist      TWAP  best static   spec - gen (95% CI)       spec - static (95% CI)',
  ];
  for (const c of r.cells)
    lines.push(
      `  ${c.cell.padEnd(18)}${g(c.specialist.mean).padStart(12)}${g(c.generalist.mean).padStart(12)}${g(c.twap.mean).padStart(10)}${g(c.bestStatic.mean).padStart(13)}   ${`${g(c.specialistMinusGeneralist.mean)} ${ci(c.specialistMinusGeneralist.ci95)}`.padEnd(24)}${c.specialistWins ? '*' : ' '} ${g(c.specialistMinusBestStatic.mean)} ${ci(c.specialistMinusBestStatic.ci95)}${c.beatsBestStatic ? ' *' : ''}`,
    );
  lines.push(
    '',
    `specialists beat the generalist significantly (*) in ${r.specialistWins} of 9 cells; the best static schedule in ${r.cellsBeatingBestStatic} of 9`,
    `specialists - best static, averaged over the cells per path: ${g(r.specialistsMinusBestStatic.mean)} ${ci(r.specialistsMinusBestStatic.ci95)} bps: ${r.beatsBestStatic ? 'the specialists beat the best static schedules' : 'no significant win over the best static schedules'}`,
  );
  return lines;
}

/** Writes each cell's specialist, the generalist and the index `recommend --specialists DIR` reads. */
function writeSpecialists(dir: string, r: MapElitesExperimentResult): void {
  mkdirSync(dir, { recursive: true });
  const cells: Record<string, string> = {};
  for (const s of r.specialists) {
    const file = specialistFileName(s.cell);
    writeAtomically(join(dir, file), JSON.stringify(s.policy) + '\n');
    cells[s.cell] = file;
  }
  writeAtomically(join(dir, 'generalist.json'), JSON.stringify(r.generalist) + '\n');
  writeAtomically(
    join(dir, SPECIALISTS_INDEX),
    JSON.stringify({ format: 'flowexec-specialists', version: 1, cells, generalist: 'generalist.json' }, null, 2) +
      '\n',
  );
}

export async function mapElitesCommand(values: {
  quick?: boolean;
  json?: boolean;
  threads?: string;
  out?: string;
  help?: boolean;
}): Promise<void> {
  if (values.help) {
    console.log(`usage: ${EXPERIMENT_USAGE}`);
    return;
  }
  const quick = Boolean(values.quick);
  if (values.out !== undefined && existsSync(values.out) && !statSync(values.out).isDirectory())
    throw new InputError(`--out ${values.out}: map-elites writes a folder of policy files; this is a file`, 'out');
  const threads = threadsOption(values);
  // the generalist is PPO: TensorFlow.js, an optional dependency, loads here (exit 2 with the install line without it)
  const { mapElitesExperiment } = await withTfjs(
    'flowexec experiment map-elites',
    () => import('../learn/experiments/map-elites.js'),
  );
  const result = await mapElitesExperiment({
    quick,
    engine: await createNodeEngine(),
    gradients: gradientPool(threads),
    onNote: (line) => console.error(line),
  });
  if (values.out) writeSpecialists(values.out, result);
  const { specialists: _s, generalist: _g, ...rest } = result;
  if (values.json) console.log(JSON.stringify(rest));
  else {
    console.log(formatMapElites(result).join('\n'));
    if (values.out) console.log(`\nspecialists written to ${values.out} (recommend --specialists ${values.out})`);
  }
}
