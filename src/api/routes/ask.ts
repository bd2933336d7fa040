// POST /v1/ask: the assistant over HTTP; questions about "my last run" read the newest succeeded evaluation job.
import { Hono } from 'hono';
import type { ApiContext, ApiEnv } from '../context.js';
import { parseWith } from '../../errors/zod-errors.js';
import { requireObject } from '../body.js';
import { rethrowAborted } from '../deadline.js';
import { askRequestSchema } from '../ask-schema.js';
import { ask } from '../../assistant/ask.js';
import { sampleExecution, type LastRun } from '../../assistant/last-run.js';
import { jsonBody } from './read-body.js';

async function lastJobRun(ctx: ApiContext): Promise<LastRun | undefined> {
  const [newest] = await ctx.jobs.list({ limit: 1, status: 'succeeded' });
  const job = newest ? await ctx.jobs.get(newest.id) : undefined;
  if (!job?.result) return undefined;
  return {
    savedAt: job.finishedAt ?? job.createdAt,
    source: `api job ${job.id}`,
    config: job.config,
    result: job.result,
    sample: sampleExecution(job.result),
  };
}

export function askRoutes(ctx: ApiContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/v1/ask', async (c) => {
    const body = parseWith(askRequestSchema, requireObject(await jsonBody(c, ctx)));
    const signal = c.get('signal');
    const response = await ask(body.question, {
      executor: ctx.executor,
      lastRun: () => lastJobRun(ctx),
      maxPathSteps: ctx.limits.maxSimulationPathSteps,
      signal,
    }).catch((error: unknown) => rethrowAborted(error, signal, ctx.limits.requestTimeoutMs));
    const { config, result, ...answer } = response;
    return c.json(body.includeResult && result ? { ...answer, config, result } : answer);
  });

  return app;
}
