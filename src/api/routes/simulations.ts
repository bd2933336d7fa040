// POST /v1/simulations (a bounded synchronous run) and POST /v1/bench (a bounded kernel microbenchmark).
import { Hono } from 'hono';
import type { ApiContext, ApiEnv } from '../context.js';
import { runSimulation } from '../simulation.js';
import { runBench } from '../bench-kernel.js';
import { benchRequestSchema } from '../schemas.js';
import { parseWith } from '../../errors/zod-errors.js';
import { requireObject } from '../body.js';
import { rethrowAborted } from '../deadline.js';
import { jsonBody } from './read-body.js';

export function simulationRoutes(ctx: ApiContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/v1/simulations', async (c) => {
    const body = await jsonBody(c, ctx);
    const signal = c.get('signal');
    const result = await runSimulation(body, {
      executor: ctx.executor,
      catalog: ctx.catalog,
      maxPathSteps: ctx.limits.maxSimulationPathSteps,
      signal,
      now: ctx.now,
    }).catch((error: unknown) => rethrowAborted(error, signal, ctx.limits.requestTimeoutMs));
    return c.json(result);
  });

  app.post('/v1/bench', async (c) => {
    const request = parseWith(benchRequestSchema, requireObject(await jsonBody(c, ctx)));
    const signal = c.get('signal');
    const result = await runBench(request, {
      executor: ctx.executor,
      catalog: ctx.catalog,
      maxPathSteps: ctx.limits.maxBenchPathSteps,
      signal,
      now: ctx.now,
    }).catch((error: unknown) => rethrowAborted(error, signal, ctx.limits.requestTimeoutMs));
    return c.json(result);
  });

  return app;
}
