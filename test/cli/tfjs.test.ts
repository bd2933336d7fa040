// TensorFlow.js is an optional peer dependency: a training command without it says how to install it; other errors pass.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { withTfjs, isMissingTfjs, TFJS_INSTALL } from '../../src/cli/tfjs.js';
import { InputError } from '../../src/errors/input-error.js';

test('a @tensorflow package that is not installed becomes an InputError naming the command and the npm install line', async () => {
  // a real resolution failure of this runtime, not a hand-made error
  const missing = '@tensorflow/tfjs-not-installed-' + 'for-this-test';
  try {
    await withTfjs('flowexec train ppo', () => import(missing));
    assert.unreachable('the import resolved');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /^flowexec train ppo trains with TensorFlow\.js, an optional dependency/);
    assert.ok((error as Error).message.includes(TFJS_INSTALL));
  }
});

test('other failures of the training module pass through unchanged', async () => {
  const boom = new Error('boom');
  try {
    await withTfjs('flowexec train ppo', () => Promise.reject(boom));
    assert.unreachable();
  } catch (error) {
    assert.is(error, boom);
  }
  assert.not.ok(
    isMissingTfjs(Object.assign(new Error("Cannot find package 'papaparse'"), { code: 'ERR_MODULE_NOT_FOUND' })),
  );
});

test('package.json: tfjs is an optional peer (and a dev dependency), not a dependency; TFJS_INSTALL names its ranges', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const name of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm']) {
    assert.is(manifest.dependencies[name], undefined, `${name} is not a dependency`);
    assert.is(manifest.peerDependenciesMeta[name].optional, true);
    assert.ok(TFJS_INSTALL.includes(`${name}@${manifest.peerDependencies[name]}`), `${name}'s range`);
    assert.is(manifest.devDependencies[name], manifest.peerDependencies[name]);
  }
});

test.run();
