// A folder of MAP-Elites specialists (one MLP policy file per volatility x liquidity cell, an index naming them):
// written by `experiment map-elites --out DIR`, read by `recommend --specialists DIR` to route by the detected cell.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors/input-error.js';
import { formatZodError } from '../errors/zod-errors.js';
import { readJsonFile } from './files.js';

export const SPECIALISTS_INDEX = 'specialists.json';

const indexSchema = z.strictObject({
  format: z.literal('flowexec-specialists', { error: 'must be "flowexec-specialists"' }),
  version: z.literal(1, { error: 'must be 1' }),
  cells: z.record(z.string(), z.string().min(1)),
  generalist: z.string().min(1).optional(),
});

/** vol-low/liq-high -> vol-low-liq-high.json */
export function specialistFileName(cell: string): string {
  return `${cell.replace(/[^A-Za-z0-9-]+/g, '-')}.json`;
}

/** The policy file of `cell`'s specialist in DIR (absolute), or undefined when the folder has none for it. */
export function specialistFor(dir: string, cell: string): string | undefined {
  const where = join(dir, SPECIALISTS_INDEX);
  const raw = readJsonFile(where, '--specialists index');
  const parsed = indexSchema.safeParse(raw);
  if (!parsed.success) {
    const e = formatZodError(parsed.error, raw);
    throw new InputError(`${where}: ${e.message}`, 'specialists');
  }
  const file = parsed.data.cells[cell];
  return file === undefined ? undefined : resolve(dir, file);
}
