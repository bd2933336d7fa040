// Every layout constant exported by the assembly sources has a TypeScript twin of the same value, and back.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as envLayout from '../../src/engine/env-layout.js';
import * as layout from '../../src/engine/layout.js';
import * as flowLayout from '../../src/engine/flow-layout.js';

/** `@inline export const NAME: i32 = expr;` of every file under assembly/, in source order. */
function assemblyConstants(): Map<string, number> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const found = new Map<string, number>();
  for (const file of files('assembly').sort()) {
    for (const [, name, expr] of readFileSync(file, 'utf8').matchAll(
      /export const ([A-Z][A-Z0-9_]*): i32 = ([^;]+);/g,
    )) {
      // an expression over earlier constants, e.g. (2 * PHILOX_ROUNDS + 2) * 16
      const source = expr!.replace(/[A-Z][A-Z0-9_]*/g, (ref) => {
        if (!found.has(ref)) throw new Error(`${file}: ${name} refers to ${ref}, not a known constant`);
        return String(found.get(ref));
      });
      assert.ok(/^[\d\s()+*\-/]+$/.test(source), `${file}: ${name} = ${expr} is not a constant expression`);
      found.set(name!, Function(`return (${source});`)() as number);
    }
  }
  return found;
}

/** The TypeScript spelling of an assembly constant: E_X -> E.X, S_X -> S.X, STATE_FIELDS -> S.FIELDS, ... */
function typescriptValue(name: string): number | undefined {
  const groups: Array<[string, Record<string, number>]> = [
    ['E_', envLayout.E],
    ['S_', envLayout.S],
    ['FEATURE_', envLayout.FEATURE],
    ['AC_', envLayout.AC],
  ];
  if (name === 'STATE_FIELDS') return envLayout.S.FIELDS;
  for (const [prefix, group] of groups) if (name.startsWith(prefix)) return group[name.slice(prefix.length)];
  const flat = { ...envLayout, ...layout, ...flowLayout } as Record<string, unknown>;
  return typeof flat[name] === 'number' ? (flat[name] as number) : undefined;
}

const constants = assemblyConstants();

test('the assembly sources export the layout constants this test knows how to read', () => {
  for (const name of [
    'E_HEADER_LENGTH',
    'S_TRANSIENT_0',
    'P_VOL_SQRT_DT',
    'POLICY_MLP',
    'AC_VARIANCE_YEAR',
    'PHILOX_KEY_TABLE_BYTES',
  ]) {
    assert.ok(constants.has(name), name);
  }
});

test('every exported i32 constant of assembly/ has a TypeScript twin with the same value', () => {
  for (const [name, value] of constants) assert.is(typescriptValue(name), value, name);
});

test('every header slot, state field, feature bit and policy slot of TypeScript exists in assembly/', () => {
  const groups: Array<[string, Record<string, number>]> = [
    ['E_', envLayout.E],
    ['S_', envLayout.S],
    ['FEATURE_', envLayout.FEATURE],
    ['AC_', envLayout.AC],
  ];
  // TS-only entries: S.FIELDS is STATE_FIELDS in assembly; AC.LENGTH and the feature bits the kernels never test
  const typescriptOnly = new Set(['S_FIELDS', 'AC_LENGTH', 'FEATURE_INVENTORY_LEFT', 'FEATURE_PRICE_MOVE']);
  for (const [prefix, group] of groups) {
    for (const [key, value] of Object.entries(group)) {
      const name = `${prefix}${key}`;
      if (typescriptOnly.has(name)) continue;
      assert.is(constants.get(name), value, name);
    }
  }
});

test('the header slots are 0 .. HEADER_LENGTH - 1, each used once', () => {
  const slots = Object.entries(envLayout.E)
    .filter(([key]) => key !== 'HEADER_LENGTH')
    .map(([, v]) => v)
    .sort((a, b) => a - b);
  assert.equal(
    slots,
    Array.from({ length: envLayout.E.HEADER_LENGTH }, (_, i) => i),
  );
});

test.run();
