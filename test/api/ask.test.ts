// POST /v1/ask: questions become validated evaluations (the same config POST /v1/evaluations takes) answered with
// numbers; bad bodies get 422 naming the field; history questions read the newest succeeded job. GET / serves the page.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../../src/api/app.js';
import { evaluate } from '../../src/library/evaluate.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { testApp, post, example, deterministic, sameBits, catalog } from './support.js';

const t = await testApp();
const ask = async (body: unknown) => {
  const res = await t.app.request('/v1/ask', post(body));
  return { res, body: (await res.json()) as any };
};

test("the issue's comparison runs TWAP and VWAP on 2M shares over 2 hours in a high-volatility market and answers with numbers", async () => {
  const { res, body } = await ask({
    question: 'compare TWAP and VWAP for selling 2M shares of a high-volatility stock over 2 hours',
    includeResult: true,
  });
  assert.is(res.status, 200);
  assert.is(body.intent, 'compare');
  assert.is(body.request.shares, 2_000_000);
  assert.is(body.request.horizonMinutes, 120);
  assert.equal(body.request.market, { volatility: 'high', liquidity: 'normal' });
  assert.equal(body.request.strategies, [{ type: 'twap' }, { type: 'vwap' }]);
  const best = body.result.strategies.find((s: any) => s.name === body.result.ranking[0]);
  assert.ok(body.answer.includes(best.mean.toFixed(2)), body.answer);
  // the config is one `flowexec evaluate` takes, and running it (the library's evaluate) gives the same bits
  const config = parseEvaluationConfig(body.config);
  const direct = await evaluate(config, { executor: t.executor });
  assert.ok(sameBits(deterministic(direct as any), deterministic(body.result)));
});

test('an out-of-scope question gets 200 with a refusal that lists example questions', async () => {
  const { res, body } = await ask({ question: 'what is the weather in Paris?' });
  assert.is(res.status, 200);
  assert.is(body.intent, 'refusal');
  assert.is(body.request.reason, 'out-of-scope');
  assert.match(body.answer, /You can ask, for example: "compare TWAP and VWAP/);
});

for (const [what, body, field] of [
  ['a missing question', {}, 'question'],
  ['a number for the question', { question: 5 }, 'question'],
  ['an empty question', { question: '   ' }, 'question'],
  ['an unknown key', { question: 'help', paths: 10 }, 'body'],
  ['a question over 1000 characters', { question: 'x'.repeat(1001) }, 'question'],
] as const) {
  test(`${what} gets 422 naming ${field}`, async () => {
    const { res, body: error } = await ask(body);
    assert.is(res.status, 422, JSON.stringify(error));
    assert.is(error.error.code, 'invalid_request');
    if (field !== 'body') assert.is(error.error.field, field);
  });
}

test('history questions read the newest succeeded evaluation job', async () => {
  const none = await ask({ question: 'which strategy performed best?' });
  assert.match(none.body.answer, /no run to read yet/);
  const config = example('almgren-chriss');
  config.evaluation.paths = 2000;
  const submitted = (await (await t.app.request('/v1/evaluations', post(config))).json()) as any;
  for (let i = 0; i < 200; i++) {
    const job = (await (await t.app.request(`/v1/evaluations/${submitted.id}`)).json()) as any;
    if (job.status === 'succeeded') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const job = (await (await t.app.request(`/v1/evaluations/${submitted.id}`)).json()) as any;
  assert.is(job.status, 'succeeded');
  const { body } = await ask({ question: 'which strategy performed best?' });
  assert.is(body.intent, 'last-best');
  assert.is(body.request.source, `api job ${submitted.id}`);
  assert.ok(body.answer.includes(`${job.result.ranking[0]} performed best`), body.answer);
  const trades = await ask({ question: 'show me the last 3 trades' });
  assert.match(trades.body.answer, /The last 3 child orders of /);
});

test('/openapi.json documents POST /v1/ask with its request and response schemas', async () => {
  const doc = (await (await t.app.request('/openapi.json')).json()) as any;
  assert.ok(doc.paths['/v1/ask'].post);
  assert.is(doc.components.schemas.AskRequest.properties.question.maxLength, 1000);
});

test('GET / is the dashboard page when the runtime hands one over, and 404 without', async () => {
  assert.is((await t.app.request('/')).status, 404);
  const app = createApp({
    executor: t.executor,
    workloads: catalog(),
    dashboardHtml: '<!doctype html><title>FlowExec</title>',
  });
  const res = await app.request('/');
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  assert.match(res.headers.get('content-security-policy') ?? '', /connect-src 'self'/);
  assert.is((await app.request('/', { method: 'DELETE' })).status, 405);
});

test.after(() => t.close());
test.run();
