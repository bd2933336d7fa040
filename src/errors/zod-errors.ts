// Turning a zod failure into one line that names the field and the problem (what every edge reports).
import type { ZodError, ZodType } from 'zod';
import { InputError } from './input-error.js';

function describeReceived(issue: ZodError['issues'][number]): string {
  if (issue.code === 'invalid_type') return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** Edit distance (Levenshtein), for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length]!;
}

type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  options?: ZodType[];
  element?: ZodType;
};
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The keys an object schema at `path` accepts (through defaults, optionals, preprocessing and unions). */
export function schemaKeysAt(schema: ZodType | undefined, path: PropertyKey[], input: unknown): string[] {
  const def = defOf(schema);
  if (!def) return [];
  switch (def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return schemaKeysAt(def.innerType, path, input);
    case 'pipe':
      return [...new Set([...schemaKeysAt(def.in, path, input), ...schemaKeysAt(def.out, path, input)])];
    case 'union': {
      // the options whose literal "type" (or "kernel") matches the input's, else all of them
      const options = def.options ?? [];
      const matching = options.filter((o) => {
        const shape = defOf(o)?.shape;
        if (!shape || !input || typeof input !== 'object') return false;
        return ['type', 'kernel'].some(
          (k) =>
            k in shape &&
            (defOf(shape[k]) as { values?: unknown[] } | undefined)?.values?.includes(
              (input as Record<string, unknown>)[k],
            ),
        );
      });
      return [...new Set((matching.length > 0 ? matching : options).flatMap((o) => schemaKeysAt(o, path, input)))];
    }
    case 'object': {
      if (path.length === 0) return Object.keys(def.shape ?? {});
      const [head, ...rest] = path;
      const child = input && typeof input === 'object' ? (input as Record<PropertyKey, unknown>)[head!] : undefined;
      return schemaKeysAt(def.shape?.[String(head)], rest, child);
    }
    case 'array': {
      const [head, ...rest] = path;
      const child = Array.isArray(input) ? input[Number(head)] : undefined;
      return path.length === 0 ? [] : schemaKeysAt(def.element, rest, child);
    }
    default:
      return [];
  }
}

/** "did you mean" for an unknown key among the keys the schema accepts there. */
function suggestion(key: string, known: string[]): string {
  let best = '',
    bestDistance = Infinity;
  for (const k of known) {
    const d = distance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(key.length / 3))
    ? ` (did you mean "${best}"?)`
    : known.length > 0 && known.length <= 12
      ? ` (known keys: ${known.join(', ')})`
      : '';
}

/**
 * "heston.rho: must be in [-1, 1] (got 1.5)" for the first issue (the one a user fixes first); paths under `prefix`
 * when the input sits inside a larger document ("workload.heston.rho").
 */
export function formatZodError(error: ZodError, input?: unknown, prefix = '', schema?: ZodType): InputError {
  // a nested unknown key first: a typo (halfSpreadBp) also makes the key it meant look missing
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys' && i.path.length > 0) ?? error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  let got = '';
  if (input !== undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
    let value: unknown = input;
    for (const key of issue.path)
      value =
        value != null && typeof value === 'object'
          ? (value as Record<PropertyKey, unknown>)[key as PropertyKey]
          : undefined;
    got = value === undefined ? ' (missing)' : ` (got ${JSON.stringify(value) ?? String(value)})`;
  }
  let hint = '';
  if (issue.code === 'unrecognized_keys' && schema) {
    let value: unknown = input;
    for (const key of issue.path)
      value =
        value != null && typeof value === 'object'
          ? (value as Record<PropertyKey, unknown>)[key as PropertyKey]
          : undefined;
    hint = suggestion(
      issue.keys[0]!,
      schemaKeysAt(schema, issue.path, input).filter((k) => !(value && typeof value === 'object' && k in value)),
    );
  }
  return new InputError(`${path || 'input'}: ${describeReceived(issue)}${got}${hint}`, path);
}

/** schema's parse of input, or the InputError of its first issue (paths under `prefix`). */
export function parseWith<T>(schema: ZodType<T>, input: unknown, prefix = ''): T {
  const result = schema.safeParse(input);
  if (!result.success) throw formatZodError(result.error, input, prefix, schema);
  return result.data;
}
