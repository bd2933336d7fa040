// Optional bearer-token auth of the mutating routes (POST, DELETE): the token comes from the runtime's environment.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/** The smallest token accepted: a short one would be guessable. */
export const MIN_TOKEN_LENGTH = 16;

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Compares digests in time independent of where they differ, so timing reveals nothing of the token. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Mutating requests need `Authorization: Bearer <token>` (without a token, createApp leaves every route open). */
export function bearerAuth(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (!MUTATING.has(c.req.method)) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ \t]+([\x21-\x7e]{1,4096})[ \t]*$/i.exec(header);
    if (!match || !(await sameSecret(match[1]!, token))) {
      throw new ApiError(
        401,
        'unauthorized',
        'authorization: a valid bearer token is required for this route',
        'authorization',
        { 'www-authenticate': 'Bearer realm="flowexec"' },
      );
    }
    return next();
  };
}
