// The read-only routes: /healthz, /openapi.json, /v1/strategies, /v1/workloads.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext, ApiEnv } from '../context.js';
import { strategySchema } from '../../strategies/spec.js';
import { parseWorkload } from '../../market/workload.js';
import { openApiDocument } from '../openapi.js';
import { WORKLOAD_NAMES } from '../schemas.js';

/** Strategy types a request may use (a "policy" names a server file, so HTTP configs cannot use it). */
function strategies() {
  return strategySchema.options
    .filter((option) => option.shape.type.value !== 'policy')
    .map((option) => {
      const { $schema: _, ...schema } = z.toJSONSchema(option, { io: 'input' }) as Record<string, unknown>;
      return { type: option.shape.type.value, schema };
    });
}

export function catalogRoutes(ctx: ApiContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  let openapi: Record<string, unknown> | undefined;
  let strategyList: ReturnType<typeof strategies> | undefined;

  // small on purpose: load balancers call it often (the limits are in /openapi.json)
  app.get('/healthz', (c) =>
    c.json({
      status: 'ok',
      runtime: ctx.runtime,
      version: ctx.version,
      jobs: { ...ctx.jobs.counts(), durable: ctx.jobs.durable, mode: ctx.jobs.mode },
    }),
  );

  app.get('/openapi.json', (c) => c.json((openapi ??= openApiDocument(ctx.version, ctx.limits))));

  app.get('/v1/strategies', (c) => c.json({ items: (strategyList ??= strategies()) }));

  app.get('/v1/workloads', (c) =>
    c.json({
      items: WORKLOAD_NAMES.map((name) => {
        const w = parseWorkload(ctx.catalog[name]);
        return {
          name,
          kind: w.kind,
          description: (ctx.catalog[name] as { description?: string }).description ?? '',
          paths: w.paths,
          steps: w.steps,
        };
      }),
    }),
  );

  return app;
}
