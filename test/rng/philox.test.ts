// Philox4x32-10 against the Random123 known-answer vectors, in the TS twin and in the wasm kernel.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { philox4x32, mulHi32 } from '../../src/reference/rng/philox.js';
import { createNodeEngine } from '../../src/runtime/node.js';

// Salmon et al. 2011, Random123 kat_vectors (philox4x32 10 rounds); ../shared/references/README.md
const KNOWN_ANSWERS: Array<{ counter: number[]; key: number[]; output: number[] }> = [
  { counter: [0, 0, 0, 0], key: [0, 0], output: [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8] },
  {
    counter: [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    key: [0xffffffff, 0xffffffff],
    output: [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  },
  {
    counter: [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    key: [0xa4093822, 0x299f31d0],
    output: [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  },
];

test('the TS twin reproduces every Random123 known-answer vector', () => {
  const out = new Uint32Array(4);
  for (const { counter, key, output } of KNOWN_ANSWERS) {
    philox4x32(counter[0]!, counter[1]!, counter[2]!, counter[3]!, key[0]!, key[1]!, out);
    assert.equal([...out], output);
  }
});

test('the wasm generator reproduces every Random123 known-answer vector', async () => {
  const engine = await createNodeEngine();
  const out = engine.alloc(16);
  for (const { counter, key, output } of KNOWN_ANSWERS) {
    engine.exports.philoxBlock(counter[0]!, counter[1]!, counter[2]!, counter[3]!, key[0]!, key[1]!, 1, out);
    assert.equal([...engine.u32(out, 4)], output);
  }
});

test('the high word of a 32x32 product is exact against BigInt', () => {
  let state = 12345;
  for (let i = 0; i < 20000; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const a = state;
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const b = i % 3 === 0 ? 0xffffffff : state;
    assert.is(mulHi32(a, b), Number((BigInt(a) * BigInt(b)) >> 32n));
  }
});

test.run();
