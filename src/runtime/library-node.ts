// The public library's Node side: the packaged wasm, worker-thread executors, and policy files read from disk.
import { isAbsolute, join } from 'node:path';
import type { ShardExecutor } from '../eval/executor.js';
import type { EvaluationConfig } from '../eval/config.js';
import { parseEvaluationConfig } from '../eval/config.js';
import { parsePolicyFile, type PolicyFile } from '../strategies/policy-file.js';
import { engineFromModule, inlineExecutor, type FlowExecEngine } from '../library/engine.js';
import { readFileSync, existsSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import { flowexecModule } from './node.js';
import { NodePoolExecutor } from './node-pool.js';

/** An engine over build/flowexec.wasm of this package. */
export function nodeEngine(): Promise<FlowExecEngine> {
  return engineFromModule(flowexecModule());
}

/** A wasm file's bytes, by path or file URL. */
export function readWasmFile(path: string | URL): Uint8Array {
  if (!existsSync(path)) throw new InputError(`wasm: file not found: ${String(path)}`, 'wasm');
  return readFileSync(path);
}

/** This thread's engine for one thread, a worker pool (each worker with its own engine) for more. */
export async function nodeExecutor(threads: number, engine?: FlowExecEngine): Promise<ShardExecutor> {
  if (threads > 1) return new NodePoolExecutor(threads);
  return inlineExecutor(engine ?? (await nodeEngine()));
}

/** Policy files the config names that `given` lacks, read from disk (relative to baseDir), validated. */
export function readMissingPolicies(
  config: unknown,
  given: Map<string, PolicyFile>,
  baseDir = process.cwd(),
): Map<string, PolicyFile> {
  let parsed: EvaluationConfig;
  try {
    parsed = parseEvaluationConfig(config);
  } catch {
    return given;
  } // evaluate reports the config's own error
  parsed.strategies.forEach((s, i) => {
    if (s.type !== 'policy' || given.has(s.file)) return;
    const path = isAbsolute(s.file) ? s.file : join(baseDir, s.file);
    given.set(s.file, parsePolicyFile(readJsonFile(path, `strategies.${i}.file`), s.file));
  });
  return given;
}

function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path)) throw new InputError(`${what}: policy file not found: ${path}`, what);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`, what);
  }
}
