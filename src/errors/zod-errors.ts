// Turning a zod failure into one line that names the field and the problem (what every edge reports).
import type { ZodError, ZodType } from 'zod';
import { InputError } from './input-error.js';

function describeReceived(issue: ZodError['issues'][number]): string {
  if (issue.code === 'invalid_type') return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/**
 * "heston.rho: must be in [-1, 1] (got 1.5)" for the first issue (the one a user fixes first); paths under `prefix`
 * when the input sits inside a larger document ("workload.heston.rho").
 */
export function formatZodError(error: ZodError, input?: unknown, prefix = ''): InputError {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  let got = '';
  if (input !== undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
    let value: unknown = input;
    for (const key of issue.path) value = value != null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    got = value === undefined ? ' (missing)' : ` (got ${JSON.stringify(value) ?? String(value)})`;
  }
  return new InputError(`${path || 'input'}: ${describeReceived(issue)}${got}`, path);
}

/** schema's parse of input, or the InputError of its first issue (paths under `prefix`). */
export function parseWith<T>(schema: ZodType<T>, input: unknown, prefix = ''): T {
  const result = schema.safeParse(input);
  if (!result.success) throw formatZodError(result.error, input, prefix);
  return result.data;
}
