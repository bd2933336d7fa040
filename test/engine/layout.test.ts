// The layout constants TypeScript uses agree with the ones compiled into the wasm module.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../src/runtime/node.js';
import { LAYOUT_CHECKS } from '../../src/engine/layout.js';
import { recordLength } from '../../src/engine/moments.js';

const engine = await createNodeEngine();

test('every layout constant of src/engine/layout.ts equals the wasm one', () => {
  for (const [id, name, expected] of LAYOUT_CHECKS) assert.is(engine.exports.layout(id), expected, name);
});

test('the statistics record length agrees between wasm and TypeScript', () => {
  for (const [nCols, nPaired, bins] of [
    [1, 0, 0],
    [2, 2, 0],
    [7, 5, 64],
    [12, 1, 512],
  ] as const) {
    assert.is(engine.exports.momentsRecordLength(nCols, nPaired, bins), recordLength({ nCols, nPaired, bins }));
  }
});

test.run();
