// The building blocks of /openapi.json: zod schemas as JSON Schema, references, the error responses and security
// every operation shares, and the parameters several routes take.
import { z, type ZodType } from 'zod';
import { JOB_ID_PATTERN } from './job-id.js';

export type Json = Record<string, unknown>;

export function schema(s: ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (s: Json) => ({ 'application/json': { schema: s } });
export const error = (description: string) => ({ description, content: json(ref('Error')) });

export const INTERNAL = {
  500: error('internal error (logged on the server; the message never carries a stack trace)'),
};
export const AUTH = { 401: error('missing or wrong bearer token (when the server sets FLOWEXEC_API_TOKEN)') };

export const BODY_ERRORS = {
  400: error('malformed JSON, bad query parameter or id'),
  ...AUTH,
  413: error('body larger than maxBodyBytes'),
  415: error('content-type is not application/json'),
  422: error("a field is invalid, or the work exceeds this server's limit (code work_limit)"),
  503: error('the request did not finish within requestTimeoutMs'),
  ...INTERNAL,
};

/** A read-only route's errors: only another method on its path (405) or a server fault. */
export const READ_ERRORS = {
  405: error('method not allowed on this path (the Allow header lists the allowed ones)'),
  ...INTERNAL,
};

/** Optional bearer: required on mutating routes only when the server sets FLOWEXEC_API_TOKEN. */
export const MUTATING_SECURITY = [{ bearer: [] }, {}];
export const OPEN = [] as const;

export const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'job id (from POST /v1/evaluations)',
  schema: { type: 'string', pattern: JOB_ID_PATTERN.source },
};

export const REGIME_QUERY = [
  {
    name: 'symbol',
    in: 'query',
    description: "the symbol to read (files of several symbols); default the data set's, or the file's only one",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,16}$' },
  },
  {
    name: 'window',
    in: 'query',
    description: 'minutes (intraday bars) or bars (daily bars) per window; default 30 minutes or 5 days',
    schema: { type: 'integer', minimum: 2, maximum: 100000 },
  },
];

export const listOf = (item: Json) => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: item } },
});
