// POST /v1/shards through app.request(): the chunk records of a shard, merged in order, equal the local run; bad
// requests get 422 naming the field; the route is in /openapi.json.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, post, example } from '../api/support.js';
import { decodeRecords, mergerFor, planDigest } from '../../src/eval/shard.js';
import { planOf } from '../../src/eval/shard-task.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { simulate } from '../../src/eval/simulate.js';
import { wasmExecutor } from '../support/workloads.js';

const { app, close } = await testApp({ limits: { maxShardPathSteps: 10_000_000 } });
const shard = async (body: unknown) => {
  const res = await app.request('/v1/shards', post(body));
  return { status: res.status, body: (await res.json()) as any };
};
const config = (): Record<string, any> => ({
  ...example('almgren-chriss'),
  evaluation: { ...example('almgren-chriss').evaluation, paths: 7_500 },
});
const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer));

test('the shards of an evaluation (main and frontier) merged in order equal the local run bit for bit', async () => {
  for (const part of ['main', 'frontier'] as const) {
    const plan = planOf({ kind: 'evaluation', config: parseEvaluationConfig(config()), part });
    const merger = mergerFor(plan, 3);
    for (const [i, firstChunk, chunks] of [
      [2, 6, 2],
      [0, 0, 3],
      [1, 3, 3],
    ] as const) {
      const { status, body } = await shard({
        evaluation: config(),
        part,
        firstChunk,
        chunks,
        planDigest: planDigest(plan),
      });
      assert.is(status, 200, JSON.stringify(body));
      assert.is(body.planDigest, planDigest(plan));
      assert.is(body.paths, Math.min(7_500, (firstChunk + chunks) * 1000) - firstChunk * 1000);
      merger.add(i, decodeRecords(body.records));
    }
    assert.ok(merger.complete);
    assert.equal(bits(merger.record), bits(await simulate(plan, await wasmExecutor())), part);
  }
});

test('a workload shard answers the records of its chunks', async () => {
  const { status, body } = await shard({
    simulation: { workload: 'heston-paths', paths: 5_000, steps: 8 },
    firstChunk: 4,
    chunks: 1,
  });
  assert.is(status, 200);
  assert.is(body.paths, 1000);
  assert.is(decodeRecords(body.records).length, body.recordLength);
});

test('bad shard requests get 422 naming the field', async () => {
  const cases: Array<[unknown, RegExp, string]> = [
    [{ firstChunk: 0, chunks: 1 }, /exactly one of "evaluation".*"simulation"/, 'body'],
    [{ evaluation: config(), firstChunk: 8, chunks: 1 }, /firstChunk: must be an integer in \[0, 7\]/, 'firstChunk'],
    [{ evaluation: config(), firstChunk: 6, chunks: 3 }, /chunks: must be an integer in \[1, 2\]/, 'chunks'],
    [
      { evaluation: config(), firstChunk: 0, chunks: 1, planDigest: '0123456789abcdef' },
      /planDigest: this worker builds plan/,
      'planDigest',
    ],
    [
      { evaluation: config(), firstChunk: 0, chunks: 1, planDigest: 'xyz' },
      /planDigest: must be 16 hex digits/,
      'planDigest',
    ],
    [
      { evaluation: { ...config(), market: { ...config().market, dailyVolume: -1 } }, firstChunk: 0, chunks: 1 },
      /evaluation\.market\.dailyVolume: must be > 0/,
      'evaluation.market.dailyVolume',
    ],
    [{ evaluation: config(), part: 'side', firstChunk: 0, chunks: 1 }, /part: must be "main" or "frontier"/, 'part'],
    [
      { evaluation: { ...config(), evaluation: { paths: 7_500 } }, part: 'frontier', firstChunk: 0, chunks: 1 },
      /part: "frontier" needs evaluation.frontier/,
      'part',
    ],
    [
      { simulation: { workload: 'heston-paths', paths: 100_000 }, firstChunk: 0, chunks: 50 },
      /chunks: .* more than this server's limit/,
      'chunks',
    ],
    [
      { evaluation: { ...config(), strategies: [{ type: 'policy', file: '/etc/passwd' }] }, firstChunk: 0, chunks: 1 },
      /"policy".*not accepted over HTTP/,
      'evaluation.strategies.0.type',
    ],
  ];
  for (const [body, message, field] of cases) {
    const r = await shard(body);
    assert.is(r.status, 422, JSON.stringify(r.body));
    assert.match(r.body.error.message, message);
    assert.is(r.body.error.field, field, r.body.error.message);
  }
});

test('/openapi.json declares POST /v1/shards with its request and result schemas', async () => {
  const doc = (await (await app.request('/openapi.json')).json()) as any;
  assert.ok(doc.paths['/v1/shards'].post);
  assert.equal(doc.paths['/v1/shards'].post.requestBody.content['application/json'].schema, {
    $ref: '#/components/schemas/ShardRequest',
  });
  assert.ok(doc.components.schemas.ShardRequest.properties.firstChunk);
  assert.ok(doc.components.schemas.ShardResult.properties.records);
  assert.is((await app.request('/v1/shards')).status, 405);
});

test.after(close);
test.run();
