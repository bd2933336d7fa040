// GET /: the dashboard, one self-contained page (built by scripts/build-web.mjs; the runtime hands it over as text).
import { Hono } from 'hono';
import type { ApiEnv } from '../context.js';

/** The page runs its own inline script and styles, talks only to this origin, and draws into canvases and SVG. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'self'; worker-src blob:; frame-ancestors 'none'";

export function dashboardRoutes(html: string): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/', (c) => {
    c.header('content-security-policy', CSP);
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });
  return app;
}
