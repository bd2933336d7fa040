// The market data bundled with the repository (data/lean-2013-10: SPY and BAC daily and minute bars, Apache-2.0),
// as the data sets of the regime routes; none when the folder is absent (the npm package does not ship it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSet, DataSource } from '../api/regime-data.js';
import { PACKAGE_ROOT } from './paths.js';

const DIR = join(PACKAGE_ROOT, 'data', 'lean-2013-10');

const SETS: Array<DataSet & { quotes?: string }> = [
  { id: 'spy-daily', symbol: 'SPY', file: 'data/lean-2013-10/daily_spy.csv', description: 'SPY daily bars 1998-2021' },
  { id: 'bac-daily', symbol: 'BAC', file: 'data/lean-2013-10/daily_bac.csv', description: 'BAC daily bars 1998-2021' },
  {
    id: 'spy-minute',
    symbol: 'SPY',
    file: 'data/lean-2013-10/minute_trade.csv',
    quotes: 'minute_quote.csv',
    description: 'SPY minute bars and quotes, October 2013 and 2023-08-03',
  },
  {
    id: 'bac-minute',
    symbol: 'BAC',
    file: 'data/lean-2013-10/minute_trade.csv',
    quotes: 'minute_quote.csv',
    description: 'BAC minute bars and quotes, October 2013',
  },
];

export function bundledDataSets(dir = DIR): DataSource {
  const present = SETS.filter((s) => existsSync(join(PACKAGE_ROOT, s.file)));
  const cache = new Map<string, string>();
  const read = (path: string) => {
    if (!cache.has(path)) cache.set(path, readFileSync(path, 'utf8'));
    return cache.get(path)!;
  };
  return {
    list: () => present.map(({ quotes: _q, ...set }) => set),
    async read(id) {
      const set = present.find((s) => s.id === id);
      if (!set) return undefined;
      const quotes = set.quotes && existsSync(join(dir, set.quotes)) ? read(join(dir, set.quotes)) : undefined;
      return { text: read(join(PACKAGE_ROOT, set.file)), ...(quotes !== undefined ? { quotes } : {}) };
    },
  };
}
