// workerd (Cloudflare Workers) entry: the wasm linked as a module (workerd cannot compile bytes), jobs run inside their request.
import flowexecWasm from './flowexec.wasm';
import { EDGE_LIMITS } from '../api/limits.js';
import { ApiError, errorResponse } from '../api/errors.js';
import { edgeApp } from './edge-app.js';

type App = Awaited<ReturnType<typeof edgeApp>>;
let app: Promise<App> | undefined;

export default {
  async fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    // bindings arrive with the first request, so the app is built then (once per isolate)
    app ??= edgeApp({
      module: flowexecWasm,
      runtime: 'workerd',
      limits: EDGE_LIMITS,
      jobMode: 'inline',
      env: (name) => (typeof env[name] === 'string' ? env[name] : undefined),
    });
    let ready: App;
    try {
      ready = await app;
    } catch (error) {
      app = undefined;
      return errorResponse(new ApiError(500, 'internal', `server configuration: ${(error as Error).message}`));
    }
    return ready.fetch(request, env);
  },
};
