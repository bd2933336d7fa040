// flowexec run: bad input of every kind exits 2 with one clear line; good input prints the required fields.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { flowexec, scratchDir, writeJson, isCleanInputError } from '../support/cli.js';

const dir = scratchDir();
const base = JSON.parse(readFileSync('src/workloads/heston-execution.json', 'utf8'));
const workload = (patch: (w: any) => void) => {
  const w = structuredClone(base);
  patch(w);
  return w;
};

const CASES: Array<[string, string[], RegExp]> = [
  ['a missing workload file', ['run', 'no-such-file.json'], /not found/],
  ['a malformed workload file', ['run', writeJson(dir, 'broken.json', '{ "name": "x", ')], /not valid JSON/],
  ['an unknown flag', ['run', 'heston-paths', '--pathz', '10'], /unknown option '--pathz'/],
  ['paths = 0', ['run', 'heston-paths', '--paths', '0'], /--paths must be an integer/],
  ['negative paths', ['run', 'heston-paths', '--paths', '-5'], /--paths/],
  ['fractional paths', ['run', 'heston-paths', '--paths', '1.5'], /--paths must be an integer/],
  ['non-numeric paths', ['run', 'heston-paths', '--paths', 'lots'], /--paths/],
  ['steps = 0', ['run', 'heston-paths', '--steps', '0'], /--steps/],
  ['an unknown scheme', ['run', 'heston-paths', '--scheme', 'milstein'], /--scheme must be one of euler, qe/],
  ['an unknown precision', ['run', 'heston-paths', '--precision', 'f16'], /--precision must be one of f64, f32/],
  [
    'an unknown precision in the file',
    [
      'run',
      writeJson(
        dir,
        'precision.json',
        workload((w) => {
          w.precision = 'half';
        }),
      ),
    ],
    /precision: must be "f64" or "f32"/,
  ],
  [
    '|rho| > 1',
    [
      'run',
      writeJson(
        dir,
        'rho.json',
        workload((w) => {
          w.heston.rho = 1.5;
        }),
      ),
    ],
    /heston\.rho: must be in \[-1, 1\]/,
  ],
  [
    'xi < 0',
    [
      'run',
      writeJson(
        dir,
        'xi.json',
        workload((w) => {
          w.heston.xi = -0.1;
        }),
      ),
    ],
    /heston\.xi: must be >= 0/,
  ],
  [
    'v0 < 0',
    [
      'run',
      writeJson(
        dir,
        'v0.json',
        workload((w) => {
          w.heston.v0 = -0.01;
        }),
      ),
    ],
    /heston\.v0: must be >= 0/,
  ],
  [
    'a string where a number belongs',
    [
      'run',
      writeJson(
        dir,
        'str.json',
        workload((w) => {
          w.heston.kappa = 'fast';
        }),
      ),
    ],
    /heston\.kappa: must be a/,
  ],
  [
    'null where a number belongs',
    [
      'run',
      writeJson(
        dir,
        'null.json',
        workload((w) => {
          w.heston.theta = null;
        }),
      ),
    ],
    /heston\.theta/,
  ],
  [
    'a huge exponent (Infinity after parsing)',
    ['run', writeJson(dir, 'inf.json', JSON.stringify(base).replace('"s0":100', '"s0":1e999'))],
    /heston\.s0/,
  ],
  [
    'beta > 1',
    [
      'run',
      writeJson(
        dir,
        'beta.json',
        workload((w) => {
          w.impact.temporary.beta = 1.5;
        }),
      ),
    ],
    /impact\.temporary\.beta: must be in \(0, 1\]/,
  ],
  [
    'beta = 0',
    [
      'run',
      writeJson(
        dir,
        'beta0.json',
        workload((w) => {
          w.impact.temporary.beta = 0;
        }),
      ),
    ],
    /impact\.temporary\.beta/,
  ],
  [
    'paths <= 0 in the file',
    [
      'run',
      writeJson(
        dir,
        'paths.json',
        workload((w) => {
          w.paths = -1;
        }),
      ),
    ],
    /^flowexec: paths: must be a positive integer/,
  ],
  ['an unknown command', ['simulate'], /unknown command 'simulate'/],
];

for (const [what, args, mentions] of CASES) {
  test(`${what} exits 2 with one line naming the problem`, async () => {
    const problem = isCleanInputError(await flowexec(args), mentions);
    assert.is(problem, null, problem ?? '');
  });
}

test('--sample-paths writes a small matrix of full price paths, and a large request is refused', async () => {
  const out = `${dir}/paths.csv`;
  const r = await flowexec([
    'run',
    'heston-paths',
    '--paths',
    '1000',
    '--threads',
    '1',
    '--sample-paths',
    '5',
    '--sample-out',
    out,
  ]);
  assert.is(r.status, 0, r.stderr);
  const rows = readFileSync(out, 'utf8').trim().split('\n');
  assert.is(rows.length, 6);
  assert.is(rows[1]!.split(',').length, 1 + 253);
  assert.ok(Math.abs(Number(rows[1]!.split(',')[1]) / 100 - 1) <= 1e-15, 'S_0 = exp(log s0)');
  const problem = isCleanInputError(
    await flowexec(['run', 'heston-paths', '--sample-paths', '5000', '--sample-out', out]),
    /--sample-paths must be an integer in \[1, 1000\]/,
  );
  assert.is(problem, null, problem ?? '');
});

test('--json prints one line with every required field and no NaN', async () => {
  const r = await flowexec(['run', 'heston-execution', '--paths', '2000', '--threads', '1', '--json']);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.is(lines.length, 1);
  const out = JSON.parse(lines[0]!);
  for (const key of [
    'workload',
    'paths',
    'steps',
    'seed',
    'scheme',
    'threads',
    'mean',
    'stderr',
    'std',
    'ci95',
    'pathStepsPerSec',
    'wallSeconds',
  ]) {
    assert.ok(key in out, `missing ${key}`);
  }
  assert.not.match(lines[0]!, /NaN|null/);
});

test.run();
