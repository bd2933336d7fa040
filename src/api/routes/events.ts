// GET /v1/evaluations/:id/events: a job's progress as Server-Sent Events, ending with its final state.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ApiContext, ApiEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { checkJobId } from '../job-id.js';
import { isFinished, type JobRecord } from '../job-store.js';

/** A comment line this often keeps proxies (and Bun's idle timeout) from closing a quiet stream. */
export const HEARTBEAT_MS = 5000;

function progressEvent(job: JobRecord) {
  return {
    status: job.status,
    donePaths: job.progress.donePaths,
    totalPaths: job.progress.totalPaths,
    attempts: job.attempts,
  };
}

export function eventRoutes(ctx: ApiContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/v1/evaluations/:id/events', async (c) => {
    const id = checkJobId(c.req.param('id'));
    if (!(await ctx.jobs.get(id))) throw new ApiError(404, 'not_found', `id: no evaluation ${id}`, 'id');
    return streamSSE(c, async (stream) => {
      let sequence = 0;
      const send = (event: 'progress' | 'done', job: JobRecord) =>
        stream.writeSSE({
          event,
          id: String(sequence++),
          data: JSON.stringify(event === 'done' ? job : progressEvent(job)),
        });
      const updates: Array<{ job: JobRecord; final: boolean }> = [];
      let wake: (() => void) | undefined;
      const unsubscribe = ctx.jobs.subscribe(id, (job, final) => {
        updates.push({ job, final });
        wake?.();
      });
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      const heartbeat = setInterval(() => {
        stream.write(': keep-alive\n\n').catch(() => {
          closed = true;
          wake?.();
        });
      }, HEARTBEAT_MS);
      try {
        // subscribed first, then read: no change can fall between the two
        const current = (await ctx.jobs.get(id))!;
        if (isFinished(current.status)) {
          await send('done', current);
          return;
        }
        await send('progress', current);
        while (!closed) {
          if (updates.length === 0)
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          wake = undefined;
          for (const update of updates.splice(0)) {
            if (update.final) {
              await send('done', (await ctx.jobs.get(id)) ?? update.job);
              return;
            }
            await send('progress', update.job);
          }
        }
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
      }
    });
  });

  return app;
}
