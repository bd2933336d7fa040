// The layer order of DESIGN.md as data, and the check of a source tree's imports against it (test/layers/).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A source file: its path from the repository root and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/**
 * What each layer of src/ may import, besides itself: other layers of src/ and packages (node:* is a package
 * here). Imports point up the stack: math, errors and workloads are the floor; engine is the backend-neutral contract
 * and engine/wasm its adapter; runtime and cli are the only Node-aware layers (learn resolves tfjs's wasm files
 * through import.meta.resolve, not node:*).
 */
export const LAYER_RULES: Record<string, { layers: string[]; packages: RegExp }> = {
  math: { layers: [], packages: /^$/ },
  errors: { layers: [], packages: /^zod$/ },
  workloads: { layers: [], packages: /^$/ },
  engine: { layers: ['math', 'errors'], packages: /^$/ },
  data: { layers: ['math', 'errors'], packages: /^papaparse$/ },
  'engine/wasm': { layers: ['engine', 'math', 'errors'], packages: /^@assemblyscript\/loader$/ },
  market: { layers: ['engine', 'data', 'math', 'errors'], packages: /^(zod|ml-random-forest|ml-cart)$/ },
  strategies: { layers: ['market', 'engine', 'math', 'errors'], packages: /^zod$/ },
  eval: { layers: ['strategies', 'market', 'engine', 'math', 'errors', 'workloads'], packages: /^zod$/ },
  learn: {
    layers: ['eval', 'strategies', 'market', 'engine', 'engine/wasm', 'math', 'errors', 'workloads'],
    packages: /^(zod|@tensorflow\/tfjs|@tensorflow\/tfjs-backend-wasm)$/,
  },
  // the assistant's evaluations (flowexec ask, POST /v1/ask) run through the library's evaluate like every other run
  assistant: {
    layers: ['library', 'eval', 'strategies', 'market', 'engine', 'math', 'errors', 'workloads'],
    packages: /^$/,
  },
  web: { layers: ['eval', 'strategies', 'market', 'engine', 'math', 'errors', 'workloads'], packages: /^uplot$/ },
  // the public library's runtime-independent part (src/index.ts and src/browser.ts are its entries): thin wrappers
  // over eval, strategies and learn's tfjs-free environment; the Node side of the entry lives in runtime/
  library: {
    layers: ['learn', 'eval', 'strategies', 'market', 'engine', 'engine/wasm', 'math', 'errors', 'workloads'],
    packages: /^zod$/,
  },
  api: {
    layers: ['library', 'assistant', 'eval', 'strategies', 'market', 'engine', 'math', 'errors', 'workloads'],
    packages: /^(zod|hono(\/.*)?)$/,
  },
  runtime: {
    layers: [
      'library',
      'api',
      'assistant',
      'web',
      'eval',
      'strategies',
      'market',
      'engine',
      'engine/wasm',
      'math',
      'errors',
      'workloads',
      'learn',
    ],
    packages: /^(node:.*|piscina|@hono\/node-server|hono(\/.*)?|zod|@duckdb\/node-api|bullmq|ioredis)$/,
  },
  cli: {
    layers: [
      'root',
      'library',
      'runtime',
      'api',
      'assistant',
      'web',
      'learn',
      'eval',
      'strategies',
      'market',
      'data',
      'engine',
      'engine/wasm',
      'math',
      'errors',
      'workloads',
    ],
    packages: /^(node:.*|cli-progress|zod)$/,
  },
  reference: { layers: ['engine', 'math'], packages: /^$/ },
};

/** The layer of a path under src/ (engine/wasm is a layer of its own), or undefined outside src/. */
export function layerOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return parts[0] === 'src' ? 'root' : undefined;
  return parts[1] === 'engine' && parts[2] === 'wasm' ? 'engine/wasm' : parts[1];
}

/** The text without block comments and whole-line // comments (TSDoc examples import 'flowexec' in comments). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function specifiers(text: string): string[] {
  // static imports and re-exports, side-effect imports, dynamic imports and import types with a literal specifier
  return [...code(text).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Every import of `files` that breaks the rules, as "file: imports target (why)". */
export function importViolations(files: SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const spec of specifiers(file.text)) {
      const targetPath = spec.startsWith('.') ? resolve('/', dirname(file.path), spec).slice(1) : null;
      const top = file.path.split('/')[0];
      const say = (why: string) => found.push(`${file.path}: imports ${spec} (${why})`);
      if (top === 'assembly') {
        if (targetPath === null || !targetPath.startsWith('assembly/')) say('assembly/ imports nothing outside itself');
        continue;
      }
      if (top !== 'src') continue;
      const from = layerOf(file.path)!;
      if (targetPath === null) {
        if (from === 'root') continue; // src/index.ts, the public entry, re-exports packages' types freely
        const rule = LAYER_RULES[from];
        if (!rule) say(`layer src/${from} has no rule in test/support/import-rules.ts`);
        else if (!rule.packages.test(spec)) say(`src/${from} may not import the package ${spec}`);
        continue;
      }
      if (targetPath.startsWith('bench/') || targetPath.startsWith('test/')) {
        say('nothing in src/ imports bench/ or test/');
        continue;
      }
      if (!targetPath.startsWith('src/')) {
        say('src/ imports only src/ and packages');
        continue;
      }
      const to = layerOf(targetPath)!;
      if (to === 'reference' && from !== 'reference') {
        say('the twin (src/reference) is imported only by tests and the bench');
        continue;
      }
      if (to === from || from === 'root') continue;
      const rule = LAYER_RULES[from];
      if (!rule) say(`layer src/${from} has no rule in test/support/import-rules.ts`);
      else if (!rule.layers.includes(to)) say(`src/${from} may not import src/${to}`);
    }
  }
  return found;
}

/** The TypeScript files of the repository's assembly/ and src/. */
export function repositorySources(root = '.'): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      return statSync(join(root, path)).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
    });
  return ['assembly', 'src'].flatMap(walk).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}
