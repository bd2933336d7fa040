// Reading a JSON request body: media type checked, size bounded while streaming, parse errors as 400.
import { ApiError } from './errors.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * How far past maxBytes a body is still read (and thrown away) before the 413: a client that is still sending when
 * the server answers and closes gets a connection reset instead of the answer. Beyond this the read is cancelled.
 */
export const DISCARD_BYTES = 1024 * 1024;

/** Bytes of the body, at most maxBytes (413 beyond, whatever Content-Length claims). */
async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', `body: larger than ${maxBytes} bytes`, 'body');
  const declared = request.headers.get('content-length');
  // far too large by its own account: answer at once (the runtime drains or closes what follows)
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes + DISCARD_BYTES)
    throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes + DISCARD_BYTES) {
        reader.cancel().catch(() => {});
        throw tooLarge();
      }
      if (size <= maxBytes) parts.push(value); // past the limit the rest is only read, to answer a client that has finished
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, 'malformed_json', 'body: could not be read', 'body');
  }
  if (size > maxBytes) throw tooLarge();
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** A body's bytes as UTF-8 text; a 400 when they are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'malformed_json', 'body: not valid UTF-8', 'body');
  }
}

/** The parsed JSON body of a request that must carry one. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'content-type: must be application/json', 'content-type');
  }
  const text = decodeUtf8(await readBounded(request, maxBytes));
  if (text.trim() === '') throw new ApiError(400, 'malformed_json', 'body: empty (expected a JSON object)', 'body');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.split('\n')[0]!.slice(0, 200) : 'too deeply nested';
    throw new ApiError(400, 'malformed_json', `body: not valid JSON (${detail})`, 'body');
  }
}

/** The body must be a JSON object (not an array, string or null). */
export function requireObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(422, 'invalid_request', 'body: must be a JSON object', 'body');
  }
  return value as Record<string, unknown>;
}

const CSV_TYPE = /^(?:text\/csv|text\/plain|application\/csv)\s*(?:;|$)/i;

/** The text of a CSV request body (text/csv or text/plain), within the size limit. */
export async function readCsvBody(request: Request, maxBytes: number): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!CSV_TYPE.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'content-type: must be text/csv', 'content-type');
  }
  const text = decodeUtf8(await readBounded(request, maxBytes));
  if (text.trim() === '') throw new ApiError(422, 'invalid_request', 'body: empty (expected a CSV of bars)', 'body');
  return text;
}
