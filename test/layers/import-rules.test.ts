// The layer order of DESIGN.md holds for every import in assembly/ and src/, and the check catches a forbidden one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { importViolations, repositorySources, LAYER_RULES, layerOf } from '../support/import-rules.js';

const sources = repositorySources();

test('every import in assembly/ and src/ follows the layer rules', () => {
  assert.equal(importViolations(sources), []);
});

test('every layer of src/ has a rule', () => {
  const layers = new Set(
    sources.map((f) => layerOf(f.path)).filter((l): l is string => l !== undefined && l !== 'root'),
  );
  for (const layer of layers) assert.ok(LAYER_RULES[layer], `src/${layer} has no rule`);
});

const FORBIDDEN: Array<[string, string, string, RegExp]> = [
  [
    'production code importing the twin',
    'src/engine/model-params.ts',
    "import { exp } from '../reference/math/exp.js';",
    /imported only by tests and the bench/,
  ],
  [
    'src importing bench',
    'src/cli/bench.ts',
    "import { runBenchSuite } from '../../bench/suite.js';",
    /nothing in src\/ imports bench\/ or test\//,
  ],
  [
    'src importing test',
    'src/eval/evaluate.ts',
    "import { sleep } from '../../test/support/wait.js';",
    /nothing in src\/ imports bench\/ or test\//,
  ],
  [
    'the API knowing a runtime',
    'src/api/app.ts',
    "import { PACKAGE_ROOT } from '../runtime/paths.js';",
    /src\/api may not import src\/runtime/,
  ],
  [
    'the API importing node:*',
    'src/api/app.ts',
    "import { readFileSync } from 'node:fs';",
    /src\/api may not import the package node:fs/,
  ],
  [
    'tfjs outside learn',
    'src/eval/evaluate.ts',
    "import * as tf from '@tensorflow/tfjs';",
    /src\/eval may not import the package @tensorflow\/tfjs/,
  ],
  [
    'the engine contract importing its wasm adapter',
    'src/engine/backend.ts',
    "import type { Engine } from './wasm/engine.js';",
    /src\/engine may not import src\/engine\/wasm/,
  ],
  [
    'a lower layer importing a higher one',
    'src/market/impact.ts',
    "import { runEvaluation } from '../eval/evaluate.js';",
    /src\/market may not import src\/eval/,
  ],
  [
    'the library knowing a runtime',
    'src/library/engine.ts',
    "import { flowexecModule } from '../runtime/node.js';",
    /src\/library may not import src\/runtime/,
  ],
  [
    'the library importing node:*',
    'src/library/simulate.ts',
    "import { readFileSync } from 'node:fs';",
    /src\/library may not import the package node:fs/,
  ],
  [
    'assembly importing outside itself',
    'assembly/heston/qe.ts',
    "import { exp } from '../../src/math/exp';",
    /assembly\/ imports nothing outside itself/,
  ],
  [
    'a dynamic import of a forbidden module',
    'src/eval/evaluate.ts',
    "const tf = await import('@tensorflow/tfjs');",
    /src\/eval may not import the package @tensorflow\/tfjs/,
  ],
];

for (const [what, path, line, reason] of FORBIDDEN) {
  test(`the check fails on ${what}`, () => {
    const tree = sources.map((f) => (f.path === path ? { path, text: `${line}\n${f.text}` } : f));
    assert.ok(
      tree.some((f) => f.path === path),
      `${path} exists`,
    );
    const found = importViolations(tree);
    assert.is(found.length, 1, found.join('\n'));
    assert.match(found[0]!, reason);
  });
}

test.run();
