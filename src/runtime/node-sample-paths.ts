// Sample executions on Node (one engine in this thread, made on first use): what `flowexec evaluate` and the API's
// jobs add to a result for the sample-path charts.
import type { Engine } from '../engine/wasm/engine.js';
import type { EvaluationResult } from '../eval/evaluate.js';
import { parseEvaluationConfig } from '../eval/config.js';
import type { SampleExecutions } from '../eval/sample-executions.js';
import type { PolicyFile } from '../strategies/policy-file.js';
import { sampleExecutions } from '../library/sample-executions.js';
import { createNodeEngine } from './node.js';

let engine: Promise<Engine> | undefined;

export async function nodeSamplePaths(
  config: unknown,
  result: EvaluationResult,
  policies?: ReadonlyMap<string, PolicyFile>,
): Promise<SampleExecutions | undefined> {
  engine ??= createNodeEngine();
  return sampleExecutions(await engine, parseEvaluationConfig(config), { seed: result.seed, policies });
}
