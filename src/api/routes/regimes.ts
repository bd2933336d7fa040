// The regime map of market data: GET /v1/regimes lists the bundled data sets, GET /v1/regimes/{id} maps one,
// POST /v1/regimes maps an uploaded CSV of bars (text/csv). HH/HL/LH/LL and the 3x3 volatility x liquidity grid.
import { Hono, type Context } from 'hono';
import type { ApiContext, ApiEnv } from '../context.js';
import { ApiError, toApiError } from '../errors.js';
import { readCsvBody } from '../body.js';
import { parseWith } from '../../errors/zod-errors.js';
import { regimeMapOfCsv, type RegimeMap } from '../../market/regime/regime-map.js';

const MAX_CACHED_MAPS = 16;
import { DATA_SET_PATTERN, regimeQuerySchema, type DataSource } from '../regime-data.js';

function query(c: Context<ApiEnv>) {
  try {
    return parseWith(regimeQuerySchema, c.req.query());
  } catch (error) {
    // a bad query parameter is a malformed request (400), not a bad document (422)
    const e = toApiError(error);
    throw new ApiError(400, e.code, e.message, e.field);
  }
}

export function regimeRoutes(ctx: ApiContext, data: DataSource | undefined): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  // bundled data never changes while the server runs: a map is computed once per (data set, symbol, window)
  const cache = new Map<string, RegimeMap>();

  app.get('/v1/regimes', (c) => c.json({ items: data?.list() ?? [] }));

  app.get('/v1/regimes/:id', async (c) => {
    const id = c.req.param('id');
    if (!DATA_SET_PATTERN.test(id))
      throw new ApiError(400, 'invalid_request', 'id: must be a data set id (GET /v1/regimes lists them)', 'id');
    const q = query(c);
    const set = data?.list().find((d) => d.id === id);
    const read = set ? await data!.read(id) : undefined;
    if (!set || !read) throw new ApiError(404, 'not_found', `id: no data set ${id} (GET /v1/regimes lists them)`, 'id');
    const key = `${id} ${q.symbol ?? ''} ${q.window ?? ''}`;
    let map = cache.get(key);
    if (!map) {
      map = await regimeMapOfCsv(read.text, {
        file: set.file,
        symbol: q.symbol ?? set.symbol,
        window: q.window,
        quotes: read.quotes,
      });
      if (cache.size >= MAX_CACHED_MAPS) cache.delete(cache.keys().next().value!);
      cache.set(key, map);
    }
    return c.json(map);
  });

  app.post('/v1/regimes', async (c) => {
    const q = query(c);
    const text = await readCsvBody(c.req.raw, ctx.limits.maxBodyBytes);
    c.set('bodyRead', true);
    return c.json(await regimeMapOfCsv(text, { file: 'body', symbol: q.symbol, window: q.window, name: 'uploaded' }));
  });

  return app;
}
