// The API reference: TypeDoc builds with no warning (treatWarningsAsErrors), every public function and type carries a
// TSDoc example, and the two entries export exactly the deliberate surface.
// test-timeout-s: 600
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as node from '../../src/index.js';
import * as browser from '../../src/browser.js';

const root = new URL('../..', import.meta.url).pathname;
const json = join(root, 'build', `api-reference-${process.pid}.json`);

/** TypeDoc's ReflectionKind.Reference. */
const REFERENCE = 4194304;

interface Reflection {
  name: string;
  kind: number;
  comment?: { blockTags?: Array<{ tag: string }> };
  signatures?: Reflection[];
  getSignature?: Reflection;
  children?: Reflection[];
  inheritedFrom?: unknown;
}

test('npm run docs (TypeDoc, warnings are errors) builds the reference of both entries', () => {
  execFileSync(process.execPath, [join(root, 'node_modules/typedoc/bin/typedoc'), '--json', json], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
});

test('every exported function, class, interface, type and constant of flowexec and flowexec/browser has an @example', () => {
  const project = JSON.parse(readFileSync(json, 'utf8')) as Reflection;
  const modules = project.children ?? [];
  assert.equal(modules.map((m) => m.name).sort(), ['flowexec', 'flowexec/browser']);
  const missing: string[] = [];
  let checked = 0;
  for (const module of modules) {
    for (const item of module.children ?? []) {
      if (item.kind === REFERENCE) continue; // a re-export of a reflection documented under the other entry
      const comments = [item.comment, ...(item.signatures ?? []).map((s) => s.comment)];
      checked++;
      if (!comments.some((c) => c?.blockTags?.some((t) => t.tag === '@example')))
        missing.push(`${module.name}.${item.name}`);
    }
  }
  assert.ok(checked >= 40, `checked ${checked}`);
  assert.equal(missing, []);
});

/** TypeDoc's ReflectionKind: Constructor, Method, Accessor. */
const CALLABLE_MEMBERS = new Set([512, 2048, 262144]);

test('every method, accessor and constructor of the public classes and interfaces has an @example (inherited ones aside)', () => {
  const project = JSON.parse(readFileSync(json, 'utf8')) as Reflection;
  const missing: string[] = [];
  let checked = 0;
  for (const module of project.children ?? []) {
    for (const item of module.children ?? []) {
      if (item.kind === REFERENCE) continue;
      for (const member of item.children ?? []) {
        if (!CALLABLE_MEMBERS.has(member.kind) || member.inheritedFrom) continue;
        const comments = [
          member.comment,
          member.getSignature?.comment,
          ...(member.signatures ?? []).map((s) => s.comment),
        ];
        checked++;
        if (!comments.some((c) => c?.blockTags?.some((t) => t.tag === '@example')))
          missing.push(`${module.name}.${item.name}.${member.name}`);
      }
    }
  }
  assert.ok(checked >= 8, `checked ${checked}`);
  assert.equal(missing, []);
  rmSync(json, { force: true });
});

const SURFACE = [
  'EVALUATION_RESULT_FORMAT',
  'FlowExecEngine',
  'InputError',
  'OBSERVATION_FEATURE_NAMES',
  'POLICY_FILE_FORMAT',
  'POLICY_FILE_VERSION',
  'RESULT_FORMAT_VERSION',
  'SIMULATION_RESULT_FORMAT',
  'VecEnv',
  'almgrenChriss',
  'almgrenChrissCost',
  'almgrenChrissFrontier',
  'createEngine',
  'evaluate',
  'hestonCall',
  'hestonPut',
  'mlpPolicy',
  'parseEvaluationConfig',
  'parsePolicyFile',
  'parseWorkload',
  'readEvaluationReport',
  'simulate',
];

test('flowexec and flowexec/browser export exactly the deliberate surface (nothing internal), the same names in both', () => {
  assert.equal(Object.keys(node).sort(), SURFACE);
  assert.equal(Object.keys(browser).sort(), SURFACE);
});

test.run();
