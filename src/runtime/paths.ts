// Files that ship with the package, found from the package root (works from src/ under tsx and from dist/src/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flowexec')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the flowexec package root');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
export const WASM_PATH = join(PACKAGE_ROOT, 'build', 'flowexec.wasm');
export const WORKLOADS_DIR = join(PACKAGE_ROOT, 'src', 'workloads');
