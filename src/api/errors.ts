// The API's one error shape, {"error": {"code", "message", "field"?}}, and how thrown errors map onto it.
import { InputError } from '../errors/input-error.js';

export type ErrorCode =
  | 'malformed_json'
  | 'invalid_request'
  | 'work_limit'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'queue_full'
  | 'request_timeout'
  | 'timeout'
  | 'internal';

/** An error the API answers with its own status; `field` names the offending field, header or parameter. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

export function errorBody(code: ErrorCode, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** The field an InputError's message starts with ("strategies.0.fractions: must ..."), when it gave none. */
function fieldOf(message: string): string | undefined {
  return /^([A-Za-z_][\w.\-]*):\s/.exec(message)?.[1];
}

/** Bad input is 422 naming its field; ApiErrors keep their status; anything else is an internal error (no details). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof InputError)
    return new ApiError(422, 'invalid_request', error.message, error.field || fieldOf(error.message));
  return new ApiError(500, 'internal', 'internal error');
}

export function errorResponse(error: ApiError): Response {
  return new Response(JSON.stringify(errorBody(error.code, error.message, error.field)), {
    status: error.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...error.headers,
    },
  });
}
