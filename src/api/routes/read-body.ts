// The JSON body of a request, read within the app's size limit; marks the body read for the deadline.
import type { Context } from 'hono';
import { readJsonBody } from '../body.js';
import type { ApiContext, ApiEnv } from '../context.js';

export async function jsonBody(c: Context<ApiEnv>, ctx: ApiContext): Promise<unknown> {
  const body = await readJsonBody(c.req.raw, ctx.limits.maxBodyBytes);
  c.set('bodyRead', true);
  return body;
}
