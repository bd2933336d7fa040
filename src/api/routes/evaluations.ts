// The evaluation jobs: submit (202), status and result, list (paginated), cancel.
import { Hono } from 'hono';
import type { ApiContext, ApiEnv } from '../context.js';
import { ApiError, toApiError } from '../errors.js';
import { checkJobId } from '../job-id.js';
import { evaluationWork } from '../work.js';
import { parseWith } from '../../errors/zod-errors.js';
import { listQuerySchema } from '../schemas.js';
import type { JobRecord } from '../job-store.js';
import { jsonBody } from './read-body.js';

const DEFAULT_PAGE = 20;

function summary(job: JobRecord): Omit<JobRecord, 'config' | 'result'> {
  const { config: _config, result: _result, ...rest } = job;
  return rest;
}

export function evaluationRoutes(ctx: ApiContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/v1/evaluations', async (c) => {
    const { config } = evaluationWork(await jsonBody(c, ctx), ctx.limits.maxJobPathSteps);
    const job = await ctx.jobs.submit(config, ctx.jobs.mode === 'inline' ? c.get('signal') : undefined);
    c.header('location', `/v1/evaluations/${job.id}`);
    return c.json(job, 202);
  });

  app.get('/v1/evaluations', async (c) => {
    let query;
    try {
      query = parseWith(listQuerySchema, c.req.query());
    } catch (error) {
      // a bad query parameter is a malformed request (400), not a bad document (422)
      const e = toApiError(error);
      throw new ApiError(400, e.code, e.message, e.field);
    }
    const limit = query.limit ?? DEFAULT_PAGE;
    // one more than the page tells whether there is a next page
    const jobs = await ctx.jobs.list({ limit: limit + 1, before: query.cursor, status: query.status });
    const page = jobs.slice(0, limit);
    return c.json({ items: page.map(summary), nextCursor: jobs.length > limit ? page[page.length - 1]!.id : null });
  });

  app.get('/v1/evaluations/:id', async (c) => {
    const id = checkJobId(c.req.param('id'));
    const job = await ctx.jobs.get(id);
    if (!job) throw new ApiError(404, 'not_found', `id: no evaluation ${id}`, 'id');
    return c.json(job);
  });

  app.delete('/v1/evaluations/:id', async (c) => {
    const id = checkJobId(c.req.param('id'));
    const job = await ctx.jobs.cancel(id);
    if (!job) throw new ApiError(404, 'not_found', `id: no evaluation ${id}`, 'id');
    return c.json(job);
  });

  return app;
}
