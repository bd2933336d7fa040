// What a result file says about where it came from: FlowExec's version and the SHA-256 of the wasm build it ran on.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, WASM_PATH } from './paths.js';

export interface BuildInfo {
  flowexecVersion: string;
  /** SHA-256 of build/flowexec.wasm, hex; null when the build is missing. */
  wasmSha256: string | null;
}

let cached: BuildInfo | undefined;

export function buildInfo(): BuildInfo {
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const wasmSha256 = existsSync(WASM_PATH) ? createHash('sha256').update(readFileSync(WASM_PATH)).digest('hex') : null;
  cached = { flowexecVersion: manifest.version, wasmSha256 };
  return cached;
}
