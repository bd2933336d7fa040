// Node runtime: finds and compiles build/flowexec.wasm; the only place (with its siblings) that reads files.
import { readFileSync, existsSync } from 'node:fs';
import { Engine } from '../engine/wasm/engine.js';
import { WASM_PATH } from './paths.js';

let compiled: WebAssembly.Module | undefined;

/** The compiled module, cached; a WebAssembly.Module can be posted to worker threads as is. */
export function flowexecModule(): WebAssembly.Module {
  if (!compiled) {
    if (!existsSync(WASM_PATH)) {
      throw new Error(`${WASM_PATH} is missing: run \`npm run build\` (npm ci runs it through prepare)`);
    }
    compiled = new WebAssembly.Module(readFileSync(WASM_PATH));
  }
  return compiled;
}

export function createNodeEngine(): Promise<Engine> {
  return Engine.create(flowexecModule());
}
