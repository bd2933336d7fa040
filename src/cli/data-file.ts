// Opens a bar file for a data command (calibrate, regime, replay): streams it through the CSV parser, joins the quoted
// spread (--quotes, or the minute_quote.csv beside a Lean minute_trade.csv), and returns the data-quality summary.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { loadBars, type LoadedBars } from '../data/load-bars.js';
import { loadQuotes, spreadAtBars } from '../data/load-quotes.js';
import { parseSession, type Session } from '../data/bars.js';

export const DATA_OPTIONS = {
  symbol: { type: 'string' },
  session: { type: 'string' },
  quotes: { type: 'string' },
  'no-quotes': { type: 'boolean' },
} as const;

export interface DataFile extends LoadedBars {
  /** Quoted spread at each bar, bps (NaN where none); undefined without quotes. */
  spreadBps?: Float64Array;
}

async function withRecords<T>(
  path: string,
  what: string,
  use: (input: NodeJS.ReadableStream) => Promise<T>,
): Promise<T> {
  if (!existsSync(path)) throw new InputError(`${what} not found: ${path}`);
  if (statSync(path).isDirectory()) throw new InputError(`${what} is a directory, not a file: ${path}`);
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    return await use(input);
  } finally {
    input.destroy();
  }
}

export async function openBarFile(
  path: string,
  values: { symbol?: string; session?: string; quotes?: string; 'no-quotes'?: boolean },
): Promise<DataFile> {
  let session: Session | undefined;
  if (values.session !== undefined) {
    session = parseSession(values.session);
    if (!session)
      throw new InputError(`--session must be HH:MM-HH:MM (exchange time) or 24h (got "${values.session}")`, 'session');
  }
  const loaded = await withRecords(path, 'data file', (records) =>
    loadBars(records, { file: path, symbol: values.symbol, session }),
  );
  let quotesPath = values.quotes;
  if (
    quotesPath === undefined &&
    !values['no-quotes'] &&
    loaded.header.format === 'lean-minute' &&
    basename(path) === 'minute_trade.csv'
  ) {
    const sibling = join(dirname(path), 'minute_quote.csv');
    if (existsSync(sibling)) quotesPath = sibling;
  }
  if (quotesPath === undefined || values['no-quotes']) return loaded;
  const quotes = await withRecords(quotesPath, 'quote file', (records) =>
    loadQuotes(records, quotesPath!, loaded.series.symbol, loaded.session),
  );
  const { spreadBps, matched } = spreadAtBars(loaded.series, quotes);
  loaded.quality.quotes = { file: quotesPath, rows: quotes.rows, matched, crossed: quotes.crossed };
  if (matched === 0) loaded.quality.warnings.push(`no quote bar of ${quotesPath} matches a trade bar's time`);
  return { ...loaded, spreadBps };
}
