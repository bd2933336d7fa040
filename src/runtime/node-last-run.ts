// The last run on disk (.flowexec/last-run.json under the working folder): written by `flowexec evaluate`, read by
// `flowexec ask` for questions about the user's own work. Writes are atomic; a damaged file reads as no run.
import { readFileSync, writeFileSync, renameSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvaluationConfig } from '../eval/config.js';
import type { EvaluationResult } from '../eval/evaluate.js';
import { buildExecutionPlan } from '../eval/execution-plan.js';
import { samplePricePaths } from '../eval/sample-paths.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { sampleExecution, type LastRun } from '../assistant/last-run.js';
import { createNodeEngine } from './node.js';

/** The folder (FLOWEXEC_HOME, default .flowexec in the working folder). */
export function lastRunPath(env: Record<string, string | undefined> = process.env): string {
  return join(resolve(env.FLOWEXEC_HOME || '.flowexec'), 'last-run.json');
}

/** The run with a sample execution on its first path (the engine samples that path's prices: a few ms). */
export async function saveLastRun(
  config: EvaluationConfig,
  result: EvaluationResult,
  source: string,
  path = lastRunPath(),
): Promise<void> {
  let prices: Float64Array | undefined;
  try {
    const plan = buildExecutionPlan(config, { paths: result.paths, seed: result.seed, policies: new Map() });
    prices = samplePricePaths(new WasmBackend(await createNodeEngine()), plan, 1).prices;
  } catch {
    prices = undefined; // a policy strategy or a very long horizon: keep the run without mid prices
  }
  const run: LastRun = {
    savedAt: new Date().toISOString(),
    source,
    config,
    result,
    sample: sampleExecution(result, prices),
  };
  mkdirSync(resolve(path, '..'), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(run));
  renameSync(temporary, path);
}

export async function loadLastRun(path = lastRunPath()): Promise<LastRun | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    const run = JSON.parse(readFileSync(path, 'utf8')) as LastRun;
    return run && run.config && run.result && Array.isArray(run.result.ranking) ? run : undefined;
  } catch {
    return undefined;
  }
}
