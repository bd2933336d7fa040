// Hostile requests for the fuzz tests: random and mutated bodies, odd media types, tokens, methods, paths, ids, queries.
import fc from 'fast-check';
import { example } from './support.js';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const VALID_BODIES: Array<[string, unknown]> = [
  ['/v1/simulations', { workload: 'heston-execution', paths: 1000, steps: 20, seed: 3, scheme: 'euler' }],
  ['/v1/simulations', { workload: 'heston-paths', paths: 1000, steps: 10, scheme: 'qe' }],
  [
    '/v1/simulations',
    (() => {
      const c = example('almgren-chriss');
      c.evaluation.paths = 1000;
      c.evaluation.frontier = [0, 1];
      return c;
    })(),
  ],
  [
    '/v1/evaluations',
    (() => {
      const c = example('almgren-chriss');
      c.evaluation.paths = 1000;
      delete c.evaluation.frontier;
      return c;
    })(),
  ],
  [
    '/v1/evaluations',
    (() => {
      const c = example('power-law-transient');
      c.evaluation = { paths: 1000 };
      return c;
    })(),
  ],
  ['/v1/bench', { kernel: 'closed-loop', paths: 1000, steps: 10, repeats: 1 }],
];

/** Values a hostile client puts where a number, string or object belongs. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1e308,
    -1e308,
    5e-324,
    2 ** 53,
    2 ** 32,
    4294967296,
    1.5,
    1e21,
    Number.MAX_SAFE_INTEGER + 2,
    390,
    100_000,
    1e9,
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    '',
    'NaN',
    'Infinity',
    '-1',
    '1e999',
    '../../etc/passwd',
    '/etc/passwd',
    '%00',
    '\u0000',
    'heston-paths',
    'qe',
    'twap',
    'policy',
    'schedule',
    '<script>',
    'x'.repeat(10_000),
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    [null],
    { type: 'policy', file: '/etc/passwd' },
    { __proto__: { polluted: true } },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function mutate(
  body: unknown,
  at: Array<string | number>,
  mode: 'set' | 'delete' | 'add',
  value: unknown,
  key: string,
): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  if (at.length === 0) return mode === 'set' ? value : copy;
  let node: any = copy;
  for (const k of at.slice(0, -1)) node = node[k];
  const last = at[at.length - 1]!;
  if (mode === 'delete') delete node[last];
  else if (mode === 'add' && node[last] && typeof node[last] === 'object') node[last][key] = value;
  else node[last] = value;
  return copy;
}

/** A valid body with one field set to a hostile value, deleted, or given an extra key. */
const mutatedBody: fc.Arbitrary<[string, string]> = fc.constantFrom(...VALID_BODIES).chain(([route, body]) => {
  const all = paths(body);
  return fc
    .tuple(
      fc.constantFrom(...all),
      fc.constantFrom('set', 'set', 'delete', 'add') as fc.Arbitrary<'set' | 'delete' | 'add'>,
      hostileValue,
      fc.constantFrom('__proto__', 'constructor', 'extra', 'paths', 'type', 'file'),
    )
    .map(
      ([at, mode, value, key]) =>
        [route, JSON.stringify(mutate(body, at, mode, value, key)) ?? 'null'] as [string, string],
    );
});

const textBody: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '{',
    '}',
    '{"workload":',
    '[',
    '"',
    '{"a":1}{"b":2}',
    '{"workload":"heston-paths","paths":1e999}',
    '{"workload":"heston-paths",}',
    '\uFEFF{"workload":"heston-paths"}',
    '{"__proto__":{"paths":1}}',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/problem+json',
      'application/json;charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
      'json',
      'application/jsonp',
      '*/*',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s)) },
);

const pathArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '/healthz',
    '/openapi.json',
    '/v1/strategies',
    '/v1/workloads',
    '/v1/simulations',
    '/v1/bench',
    '/v1/evaluations',
    '/',
    '/v1',
    '/v1/',
    '/v1/evaluations/',
    '//v1/simulations',
    '/v1/simulations/',
    '/V1/SIMULATIONS',
    '/v1/simulations?x=1',
    '/v1/evaluations/ev_0123456789abcdef0123456789ab',
    '/v1/evaluations/ev_0123456789abcdef0123456789ab/events',
    '/v1/evaluations/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/v1/evaluations/..%5c..%5cwindows',
    '/v1/evaluations/%00',
    '/v1/evaluations/%',
    '/v1/evaluations?limit=-1',
    '/v1/evaluations?limit=1e3',
    '/v1/evaluations?cursor=%00',
    '/v1/evaluations?status=running&status=queued',
    '/v1/evaluations?limit=5&cursor=ev_ffffffffffffffffffffffffffff',
    `/v1/evaluations/${'a'.repeat(5000)}`,
  ),
  fc.tuple(fc.constantFrom('/v1/evaluations/', '/v1/'), fc.webPath()).map(([a, b]) => a + b.replace(/^\//, '')),
  fc.string({ maxLength: 40 }).map((s) => `/v1/evaluations/${encodeURIComponent(s)}`),
  fc.string({ maxLength: 40 }).map((s) => `/v1/evaluations?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
);

const authorization = fc.option(
  fc.oneof(
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic Zm9vOmJhcg==',
      'Bearer ' + 'x'.repeat(5000),
      'Bearer a b c',
      'bearer token-token-token-1',
    ),
    fc.string({ maxLength: 60 }).filter((s) => /^[\x21-\x7e][\x20-\x7e]*$/.test(s)),
  ),
  { nil: undefined },
);

/** One request: mostly POSTs with hostile bodies, then every route with odd methods, paths and headers. */
export const requestArbitrary: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(mutatedBody, contentType, authorization).map(([[path, body], type, auth]) => ({
      method: 'POST',
      path,
      body,
      headers: { 'content-type': type, ...(auth ? { authorization: auth } : {}) },
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('/v1/simulations', '/v1/evaluations', '/v1/bench'), textBody, contentType)
      .map(([path, body, type]) => ({
        method: 'POST',
        path,
        body,
        headers: { 'content-type': type },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('GET', 'GET', 'DELETE', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST'),
        pathArbitrary,
        authorization,
      )
      .map(([method, path, auth]): FuzzRequest => ({
        method,
        path,
        headers: auth ? { authorization: auth } : {},
        ...(method === 'POST' || method === 'PUT' || method === 'PATCH' ? { body: '{}' } : {}),
      })),
  },
);
