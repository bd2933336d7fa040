// The published package: npm pack, installed offline from the tarball in a clean folder, its examples type-checked and
// run under Node, Deno and Bun (same output on each) with no TensorFlow.js installed (an optional peer, for training
// only), and flowexec/browser bundled for the browser with no Node built-ins.
// test-timeout-s: 900
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
/** deno or bun, installed from npm on first use by scripts/install-runtime.mjs (as the runtime tests do). */
const runtimeBinary = (name: string) =>
  execFileSync(process.execPath, [join(root, 'scripts/install-runtime.mjs'), name], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const run = (file: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(file, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 1 << 26,
  });

/** Newest modification time under a folder (ms). */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }),
  );
}

// the tarball carries dist/: rebuild the TypeScript when the sources are newer (npm ci built it; an edit since has not)
const entry = join(root, 'dist/src/index.d.ts');
if (!existsSync(entry) || newest(join(root, 'src')) > statSync(entry).mtimeMs) run('npm', ['run', 'build:ts'], root);

const work = mkdtempSync(join(tmpdir(), 'flowexec-pack-'));
const app = join(work, 'app');
const packed = JSON.parse(
  run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root),
) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
const tarball = join(work, packed[0]!.filename);
cpSync(join(root, 'examples/scripts'), app, { recursive: true });
writeAppManifests();
// offline: every dependency comes from the npm cache that `npm ci` filled (a lockfile, so nothing needs the registry's
// metadata); no install scripts
run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], app);
/**
 * The app's package.json and a lockfile pinning flowexec to the tarball and its dependencies to the versions of this
 * repository's lockfile (its non-dev entries: the same tree, hoisted the same way under the app).
 */
function writeAppManifests(): void {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, any>;
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const spec = `file:../${packed[0]!.filename}`;
  const packages: Record<string, unknown> = {
    '': { name: 'flowexec-pack-check', dependencies: { flowexec: spec } },
    'node_modules/flowexec': {
      version: manifest.version,
      resolved: spec,
      license: manifest.license,
      dependencies: manifest.dependencies,
      peerDependencies: manifest.peerDependencies,
      peerDependenciesMeta: manifest.peerDependenciesMeta,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'flowexec-pack-check', private: true, type: 'module', dependencies: { flowexec: spec } }),
  );
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify({ name: 'flowexec-pack-check', lockfileVersion: 3, requires: true, packages }),
  );
}

const examples = readdirSync(app)
  .filter((f) => f.endsWith('.ts'))
  .sort();

test('the tarball holds the entries, their types and the wasm, and no tests, benchmarks sources or source maps of tests', () => {
  const files = packed[0]!.files.map((f) => f.path);
  for (const wanted of [
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/src/browser.js',
    'dist/src/browser.d.ts',
    'build/flowexec.wasm',
    'bin/flowexec.js',
    'CHANGELOG.md',
  ]) {
    assert.ok(files.includes(wanted), `${wanted} is packed`);
  }
  assert.not.ok(
    files.some(
      (f) => f.startsWith('test/') || f.startsWith('assembly/') || (f.startsWith('src/') && f.endsWith('.ts')),
    ),
    'no tests or sources',
  );
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules/flowexec/package.json'), 'utf8')) as Record<
    string,
    any
  >;
  assert.is(manifest.sideEffects, false);
  assert.is(manifest.exports['.'].types, './dist/src/index.d.ts');
  // reported, and bounded so that a stray folder in "files" shows: about 1.4 MB today (docs' screenshots ~1 MB)
  console.log(
    `  tarball ${(packed[0]!.size / 1e6).toFixed(2)} MB, unpacked ${(packed[0]!.unpackedSize / 1e6).toFixed(2)} MB, ${files.length} files`,
  );
  assert.ok(packed[0]!.size < 5e6, `tarball ${packed[0]!.size} bytes`);
});

test('TensorFlow.js is not installed with the package (optional peer), and the core imports from the tarball without it', () => {
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules/flowexec/package.json'), 'utf8')) as Record<
    string,
    any
  >;
  for (const name of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm']) {
    assert.is(manifest.dependencies[name], undefined, `${name} is not a dependency`);
    assert.is(manifest.peerDependenciesMeta[name]?.optional, true, `${name} is an optional peer`);
  }
  assert.not.ok(existsSync(join(app, 'node_modules/@tensorflow')), 'no @tensorflow package in the clean install');
  const bytes = (dir: string): number =>
    readdirSync(dir).reduce((sum, name) => {
      const stat = statSync(join(dir, name));
      return sum + (stat.isDirectory() ? bytes(join(dir, name)) : stat.size);
    }, 0);
  console.log(`  installed: node_modules ${(bytes(join(app, 'node_modules')) / 1e6).toFixed(0)} MB without tfjs`);
  writeFileSync(
    join(app, 'core-check.mjs'),
    `
import { evaluate, simulate, VecEnv, hestonCall, createEngine } from 'flowexec';
const engine = await createEngine();
const run = await simulate('heston-execution', { engine, paths: 2000 });
const report = await evaluate(
  {
    market: { model: { type: 'gbm', s0: 100, sigma: 0.25 }, dailyVolume: 2e7 },
    order: { shares: 2e5, horizonMinutes: 60, steps: 12 },
    strategies: [{ type: 'twap' }, { type: 'vwap' }],
    evaluation: { paths: 2000 },
  },
  { engine },
);
const env = new VecEnv(engine, {
  market: { model: { type: 'gbm', s0: 100, sigma: 0.25 }, dailyVolume: 2e7 },
  order: { shares: 2e5, horizonMinutes: 60, steps: 12 },
}, { numEnvs: 16 });
const { obs } = env.reset({ seed: 1 });
const price = hestonCall({ s0: 100, strike: 100, maturityYears: 1, rate: 0.02, dividendYield: 0, v0: 0.04, kappa: 2, theta: 0.04, xi: 0.5, rho: -0.7 });
console.log(JSON.stringify([Number.isFinite(run.mean), report.strategies.length, obs.length, price > 0]));
`,
  );
  assert.is(run(process.execPath, ['core-check.mjs'], app).trim(), '[true,2,96,true]');
});

test('a training command without TensorFlow.js exits 2 with the npm install line, not a stack trace', () => {
  let failure: { status?: number; stderr?: string } | undefined;
  try {
    run(
      process.execPath,
      [
        'node_modules/flowexec/bin/flowexec.js',
        'train',
        'ppo',
        'node_modules/flowexec/examples/training/ppo-almgren-chriss.json',
        '--out',
        join(work, 'policy.json'),
      ],
      app,
    );
  } catch (error) {
    failure = error as { status?: number; stderr?: string };
  }
  assert.is(failure?.status, 2);
  assert.match(
    failure!.stderr!,
    /TensorFlow\.js, an optional dependency of flowexec that is not installed: run `npm install @tensorflow\/tfjs@/,
  );
  assert.not.match(failure!.stderr!, /\n\s+at /, 'no stack trace');
});

test('the examples type-check against the installed package (tsc --noEmit, strict, no Node types)', () => {
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      include: ['*.ts'],
    }),
  );
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
});

const outputs = new Map<string, Map<string, string>>();
const RUNTIMES: Array<[string, (file: string) => string]> = [
  ['node', (file) => run(process.execPath, ['--import', join(root, 'node_modules/tsx/dist/esm/index.mjs'), file], app)],
  [
    'deno',
    (file) =>
      run(runtimeBinary('deno'), ['run', '--allow-read', '--allow-env', '--allow-sys', file], app, {
        DENO_NO_UPDATE_CHECK: '1',
      }),
  ],
  ['bun', (file) => run(runtimeBinary('bun'), [file], app)],
];

for (const [runtime, exec] of RUNTIMES) {
  test(`every example runs from the installed tarball under ${runtime}`, () => {
    const byExample = new Map<string, string>();
    for (const example of examples) byExample.set(example, exec(example));
    outputs.set(runtime, byExample);
  });
}

test('Node, Deno and Bun print the same figures for every example, to the last digit (deterministic engine)', () => {
  const node = outputs.get('node')!;
  assert.is(node.size, examples.length);
  for (const runtime of ['deno', 'bun']) {
    for (const example of examples)
      assert.is(outputs.get(runtime)?.get(example), node.get(example), `${runtime} ${example}`);
  }
});

test('flowexec/browser bundles for the browser without Node built-ins and runs from wasm bytes, equal to the Node entry', () => {
  writeFileSync(
    join(app, 'browser-check.mjs'),
    `
import { createEngine, simulate } from 'flowexec/browser';
import * as node from 'flowexec';
import { readFileSync } from 'node:fs';
const bytes = readFileSync(new URL(import.meta.resolve('flowexec/flowexec.wasm')));
const engine = await createEngine({ wasm: bytes });
const a = await simulate('heston-execution', { engine, paths: 2000 });
const b = await node.simulate('heston-execution', { paths: 2000 });
console.log(JSON.stringify([a.mean, b.mean, a.stderr === b.stderr]));
`,
  );
  const [browserMean, nodeMean, sameError] = JSON.parse(run(process.execPath, ['browser-check.mjs'], app)) as [
    number,
    number,
    boolean,
  ];
  assert.is(browserMean, nodeMean);
  assert.ok(sameError);
  writeFileSync(
    join(app, 'browser-entry.mjs'),
    "import { createEngine, evaluate, VecEnv } from 'flowexec/browser';\nglobalThis.flowexec = { createEngine, evaluate, VecEnv };\n",
  );
  // esbuild with platform=browser fails on any node: import or Node built-in in the graph
  run(
    bin('esbuild'),
    ['browser-entry.mjs', '--bundle', '--platform=browser', '--format=esm', '--outfile=bundle.js', '--log-level=error'],
    app,
  );
  const bundle = readFileSync(join(app, 'bundle.js'), 'utf8');
  assert.not.match(bundle, /from "node:|require\("(fs|path|os|worker_threads)"\)/);
  assert.not.match(bundle, /@tensorflow/, 'no tfjs in the browser bundle');
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
