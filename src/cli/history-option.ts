// --history PATH / --no-history for the commands that record runs (evaluate, recommend, replay), and the version they record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../runtime/paths.js';
import type { RunHistory } from '../runtime/run-history.js';

export const HISTORY_OPTIONS = { history: { type: 'string' }, 'no-history': { type: 'boolean' } } as const;

export const VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** The history to record into, or undefined with --no-history (or FLOWEXEC_NO_HISTORY=1 without an explicit --history). */
export async function openHistory(values: {
  history?: string;
  'no-history'?: boolean;
}): Promise<RunHistory | undefined> {
  if (values['no-history'] || (values.history === undefined && process.env.FLOWEXEC_NO_HISTORY === '1'))
    return undefined;
  // DuckDB's native binding loads only when a run is recorded (evaluate --no-history never loads it)
  const { RunHistory, DEFAULT_HISTORY_PATH } = await import('../runtime/run-history.js');
  return RunHistory.open(values.history ?? process.env.FLOWEXEC_HISTORY ?? DEFAULT_HISTORY_PATH);
}

export function runId(): string {
  return `${new Date().toISOString()}-${process.pid}`;
}
