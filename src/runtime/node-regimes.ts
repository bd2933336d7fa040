// Regime maps on Node: the market data bundled with the repository (data/lean-2013-10: SPY and BAC daily and minute
// bars, Apache-2.0) as data sets, and uploaded CSV; no data sets when the folder is absent (npm does not ship it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSet, RegimeSource } from '../api/regime-data.js';
import { regimeMapOfCsv, type RegimeMap } from '../market/regime/regime-map.js';
import { PACKAGE_ROOT } from './paths.js';

const SETS: Array<DataSet & { quotes?: string }> = [
  { id: 'spy-daily', symbol: 'SPY', file: 'data/lean-2013-10/daily_spy.csv', description: 'SPY daily bars 1998-2021' },
  { id: 'bac-daily', symbol: 'BAC', file: 'data/lean-2013-10/daily_bac.csv', description: 'BAC daily bars 1998-2021' },
  {
    id: 'spy-minute',
    symbol: 'SPY',
    file: 'data/lean-2013-10/minute_trade.csv',
    quotes: 'data/lean-2013-10/minute_quote.csv',
    description: 'SPY minute bars and quotes, October 2013 and 2023-08-03',
  },
  {
    id: 'bac-minute',
    symbol: 'BAC',
    file: 'data/lean-2013-10/minute_trade.csv',
    quotes: 'data/lean-2013-10/minute_quote.csv',
    description: 'BAC minute bars and quotes, October 2013',
  },
];

/** Maps kept: bundled data never changes while the server runs. */
const MAX_CACHED_MAPS = 16;

export function nodeRegimes(root = PACKAGE_ROOT): RegimeSource {
  const present = SETS.filter((s) => existsSync(join(root, s.file)));
  const cache = new Map<string, RegimeMap>();
  return {
    list: () => present.map(({ quotes: _q, ...set }) => set),
    async dataSet(id, q) {
      const set = present.find((s) => s.id === id);
      if (!set) return undefined;
      const key = `${id} ${q.symbol ?? ''} ${q.window ?? ''}`;
      let map = cache.get(key);
      if (!map) {
        const quotes = set.quotes && existsSync(join(root, set.quotes)) ? join(root, set.quotes) : undefined;
        map = await regimeMapOfCsv(readFileSync(join(root, set.file), 'utf8'), {
          file: set.file,
          symbol: q.symbol ?? set.symbol,
          window: q.window,
          ...(quotes ? { quotes: readFileSync(quotes, 'utf8') } : {}),
        });
        if (cache.size >= MAX_CACHED_MAPS) cache.delete(cache.keys().next().value!);
        cache.set(key, map);
      }
      return map;
    },
    csv: (text, q) => regimeMapOfCsv(text, { file: 'body', symbol: q.symbol, window: q.window, name: 'uploaded' }),
  };
}
