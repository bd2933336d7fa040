// flowexec bench: the benchmark suite (bench/suite.ts, loaded only by this command), a table or one JSON line per result.
import { BENCH_SUITES, type BenchRow, type BenchSuite, type RunBenchSuite } from './bench-rows.js';
import { parseCommand, threadsOption } from './args.js';
import { InputError } from '../errors/input-error.js';
import { existsSync } from 'node:fs';

function formatRow(r: BenchRow): string {
  const rate = r.pathStepsPerSec / 1e6;
  const speed = `${(rate < 1 ? rate.toFixed(3) : rate.toFixed(1)).padStart(8)} M ${r.unit === 'env-steps/s' ? 'env-steps/s ' : 'path-steps/s'}`;
  const ratio =
    r.ratio === undefined
      ? ''
      : r.suite === 'anchor'
        ? `  FlowExec / ${r.impl} = ${r.ratio.toFixed(2)}x`
        : r.suite === 'scaling-threads'
          ? `  ${r.ratio.toFixed(2)}x one thread`
          : r.suite === 'strategies'
            ? `  ${r.ratio.toFixed(2)}x the wall time of one`
            : `  ${r.ratio.toFixed(1)}x the TS twin`;
  return `${r.suite.padEnd(16)}${r.workload.slice(0, 26).padEnd(27)}${r.impl.padEnd(21)}${String(r.threads).padStart(2)} thr ${r.paths.toLocaleString('en-US').padStart(11)} paths ${speed}${ratio}`;
}

export async function benchCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(
    args,
    {
      anchors: { type: 'string' },
      quick: { type: 'boolean' },
      json: { type: 'boolean' },
      threads: { type: 'string' },
      only: { type: 'string' },
    },
    0,
  );
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.find((name) => !(BENCH_SUITES as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw new InputError(`--only: unknown suite "${unknown}" (suites: ${BENCH_SUITES.join(', ')})`);
  if (values.anchors !== undefined && !existsSync(values.anchors))
    throw new InputError(`--anchors: directory not found: ${values.anchors}`);
  const maxThreads = threadsOption(values);
  if (!values.json)
    console.log('FlowExec benchmarks (single thread unless stated; ratios are between figures of this run)');
  await (
    await loadBenchSuite()
  )({
    quick: Boolean(values.quick),
    anchorsDir: values.anchors,
    maxThreads,
    only: only as BenchSuite[] | undefined,
    onRow: (row) => console.log(values.json ? JSON.stringify(row) : formatRow(row)),
    onNote: (note) => console.error(`note: ${note}`),
  });
}

/**
 * The suite measures the TS twin beside the wasm, so it lives in bench/ with the twin's other users and is loaded
 * here by path, never imported by production code: bench/suite.ts under tsx, dist/bench/suite.js when compiled.
 */
async function loadBenchSuite(): Promise<RunBenchSuite> {
  const here = import.meta.url;
  const suite = new URL(here.endsWith('.ts') ? '../../bench/suite.ts' : '../../bench/suite.js', here);
  return ((await import(suite.href)) as { runBenchSuite: RunBenchSuite }).runBenchSuite;
}
