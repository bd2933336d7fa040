// The market data the regime routes map: bundled data sets by id and uploaded CSV (the runtime reads and parses them),
// and the schemas of the answers.
import { z } from 'zod';
import type { RegimeMap } from '../market/regime/regime-map.js';

export interface DataSet {
  id: string;
  description: string;
  symbol: string;
  /** The file, relative to the package (for the user; requests never name paths). */
  file: string;
}

export interface RegimeQuery {
  symbol?: string;
  window?: number;
}

/**
 * Where regime maps come from: the runtime reads its bundled bar files and parses CSV (Node; the CSV parser does not
 * bundle for edge runtimes, which have none and answer the regime routes with empty lists and 404s).
 */
export interface RegimeSource {
  list(): DataSet[];
  /** The map of a listed data set; undefined when there is no such set. */
  dataSet(id: string, q: RegimeQuery): Promise<RegimeMap | undefined>;
  /** The map of a CSV of bars (errors name "body" and the line). */
  csv(text: string, q: RegimeQuery): Promise<RegimeMap>;
}

export const DATA_SET_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const dataSetListSchema = z.object({
  items: z.array(z.object({ id: z.string(), description: z.string(), symbol: z.string(), file: z.string() })),
});

const quad = z.enum(['HH', 'HL', 'LH', 'LL']);

export const regimeMapSchema = z.object({
  symbol: z.string(),
  source: z.string(),
  window: z.string(),
  daily: z.boolean(),
  bars: z.number().int(),
  thresholds: z.object({
    volMedian: z.number(),
    volOfVolMedian: z.number(),
    volTerciles: z.tuple([z.number(), z.number()]),
    liquidityTerciles: z.tuple([z.number(), z.number()]),
  }),
  counts: z.object({ HH: z.number().int(), HL: z.number().int(), LH: z.number().int(), LL: z.number().int() }),
  grid: z.array(z.array(z.number().int())),
  current: z.object({ label: quad, grid: z.string(), start: z.string() }).nullable(),
  windows: z.array(
    z.object({
      start: z.string(),
      bars: z.number().int(),
      label: quad,
      vol: z.number().int(),
      liquidity: z.number().int(),
      grid: z.string(),
      realisedVol: z.number(),
    }),
  ),
});

/** Query of both regime routes. */
export const regimeQuerySchema = z.object({
  symbol: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,16}$/, 'must be a ticker symbol (letters, digits, . _ -)')
    .optional(),
  window: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(2, 'must be >= 2')
    .max(100_000, 'must be <= 100000')
    .optional(),
});
