// Request deadline: work gets a signal that aborts on timeout or when the client goes away; late answers become 408/503.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';
import type { ApiEnv } from './context.js';

export function deadline(timeoutMs: number, retryAfterSeconds: number): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const controller = new AbortController();
    const clientGone = () => controller.abort();
    const clientSignal = c.req.raw.signal as AbortSignal | undefined;
    clientSignal?.addEventListener('abort', clientGone);
    c.set('signal', controller.signal);
    c.set('bodyRead', false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([next().then(() => 'done' as const), expired]);
      if (outcome === 'expired') {
        controller.abort();
        // still reading the body: the client was too slow; otherwise the work was
        if (!c.get('bodyRead') && c.req.method !== 'DELETE') {
          throw new ApiError(408, 'request_timeout', `body: not received within ${timeoutMs} ms`, 'body', {
            connection: 'close',
          });
        }
        throw new ApiError(
          503,
          'timeout',
          `the request did not finish within ${timeoutMs} ms; retry later`,
          undefined,
          { 'retry-after': String(retryAfterSeconds) },
        );
      }
    } finally {
      clearTimeout(timer);
      clientSignal?.removeEventListener('abort', clientGone);
    }
  };
}

/** Work stopped by the deadline's signal surfaces as the timeout it is, not as an internal error. */
export function rethrowAborted(error: unknown, signal: AbortSignal, timeoutMs: number): never {
  if (signal.aborted && !(error instanceof ApiError)) {
    throw new ApiError(503, 'timeout', `the request did not finish within ${timeoutMs} ms (or the client went away)`);
  }
  throw error;
}
