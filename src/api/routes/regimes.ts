// The regime map of market data: GET /v1/regimes lists the bundled data sets, GET /v1/regimes/{id} maps one,
// POST /v1/regimes maps an uploaded CSV of bars (text/csv). HH/HL/LH/LL and the 3x3 volatility x liquidity grid.
import { Hono, type Context } from 'hono';
import type { ApiContext, ApiEnv } from '../context.js';
import { ApiError, toApiError } from '../errors.js';
import { readCsvBody } from '../body.js';
import { parseWith } from '../../errors/zod-errors.js';
import { DATA_SET_PATTERN, regimeQuerySchema, type RegimeSource } from '../regime-data.js';

function query(c: Context<ApiEnv>) {
  try {
    return parseWith(regimeQuerySchema, c.req.query());
  } catch (error) {
    // a bad query parameter is a malformed request (400), not a bad document (422)
    const e = toApiError(error);
    throw new ApiError(400, e.code, e.message, e.field);
  }
}

export function regimeRoutes(ctx: ApiContext, source: RegimeSource | undefined): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/v1/regimes', (c) => c.json({ items: source?.list() ?? [] }));

  app.get('/v1/regimes/:id', async (c) => {
    const id = c.req.param('id');
    if (!DATA_SET_PATTERN.test(id))
      throw new ApiError(400, 'invalid_request', 'id: must be a data set id (GET /v1/regimes lists them)', 'id');
    const map = await source?.dataSet(id, query(c));
    if (!map) throw new ApiError(404, 'not_found', `id: no data set ${id} (GET /v1/regimes lists them)`, 'id');
    return c.json(map);
  });

  app.post('/v1/regimes', async (c) => {
    const q = query(c);
    if (!source)
      throw new ApiError(404, 'not_found', 'path: this server maps no regimes (flowexec serve on Node does)', 'path');
    const text = await readCsvBody(c.req.raw, ctx.limits.maxBodyBytes);
    c.set('bodyRead', true);
    return c.json(await source.csv(text, q));
  });

  return app;
}
