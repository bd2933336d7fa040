// POST /v1/shards: runs one shard of an evaluation or workload run and answers its chunk records, so a coordinator
// (`flowexec evaluate --fan-out`) can spread a run over several API instances and merge them bit for bit.
import { Hono } from 'hono';
import type { ApiContext, ApiEnv } from '../context.js';
import { PlanCache, runShardTask } from '../../eval/shard-task.js';
import { rethrowAborted } from '../deadline.js';
import { shardWork } from '../shard-work.js';
import { jsonBody } from './read-body.js';

export function shardRoutes(ctx: ApiContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const plans = new PlanCache();

  app.post('/v1/shards', async (c) => {
    const { task, plan } = shardWork(await jsonBody(c, ctx), ctx.catalog, plans, ctx.limits.maxShardPathSteps);
    const signal = c.get('signal');
    const result = await runShardTask(task, ctx.executor, plans, plan).catch((error: unknown) =>
      rethrowAborted(error, signal, ctx.limits.requestTimeoutMs),
    );
    return c.json(result);
  });

  return app;
}
