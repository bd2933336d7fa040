// createApp(deps): the whole HTTP API as one Hono app that knows no runtime (Node, workerd, Deno and Bun serve it as is).
import { Hono } from 'hono';
import { InputError } from '../errors/input-error.js';
import type { ShardExecutor } from '../eval/executor.js';
import { ApiError, errorResponse, toApiError } from './errors.js';
import { SERVER_LIMITS, type Limits } from './limits.js';
import { JobRunner } from './job-runner.js';
import { MemoryJobStore } from './job-store.js';
import { bearerAuth, MIN_TOKEN_LENGTH } from './auth.js';
import { deadline } from './deadline.js';
import type { ApiContext, ApiEnv } from './context.js';
import { catalogRoutes } from './routes/catalog.js';
import { simulationRoutes } from './routes/simulations.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { eventRoutes } from './routes/events.js';
import { askRoutes } from './routes/ask.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { shardRoutes } from './routes/shards.js';
import { policyRoutes } from './routes/policies.js';
import { regimeRoutes } from './routes/regimes.js';
import type { PolicySource } from './training-runs.js';
import type { RegimeSource } from './regime-data.js';

export interface AppDeps {
  /** Where simulations run: the engine's worker pool on Node, this thread on edge runtimes. */
  executor: ShardExecutor;
  /** Canonical workloads by name, as parsed JSON (read from src/workloads on Node, bundled JSON modules elsewhere). */
  workloads: Record<string, unknown>;
  /** Evaluation jobs; default: in memory, in the background, on `executor`. */
  jobs?: JobRunner;
  limits?: Partial<Limits>;
  /** When set, POST and DELETE need `Authorization: Bearer <authToken>` (the runtimes read FLOWEXEC_API_TOKEN). */
  authToken?: string;
  /** Reported by /healthz: node, workerd, deno, bun. */
  runtime?: string;
  version?: string;
  /** Monotonic clock in ms (timings only). */
  now?: () => number;
  /** The dashboard page (build/web/index.html) answered at GET /; without it / is a 404. */
  dashboardHtml?: string;
  /** Saved training runs (`flowexec serve --policies DIR`); without it GET /v1/policies lists none. */
  policies?: PolicySource;
  /** Regime maps of bundled data and uploaded CSV (Node); without it the regime routes list none and map none. */
  regimes?: RegimeSource;
}

/** Methods of each route, for 405 and OPTIONS. */
const ROUTES: Array<[RegExp, string[]]> = [
  [/^\/$/, ['GET']],
  [/^\/v1\/ask$/, ['POST']],
  [/^\/healthz$/, ['GET']],
  [/^\/openapi\.json$/, ['GET']],
  [/^\/v1\/strategies$/, ['GET']],
  [/^\/v1\/workloads$/, ['GET']],
  [/^\/v1\/simulations$/, ['POST']],
  [/^\/v1\/bench$/, ['POST']],
  [/^\/v1\/shards$/, ['POST']],
  [/^\/v1\/policies$/, ['GET']],
  [/^\/v1\/policies\/[^/]+$/, ['GET']],
  [/^\/v1\/regimes$/, ['GET', 'POST']],
  [/^\/v1\/regimes\/[^/]+$/, ['GET']],
  [/^\/v1\/evaluations$/, ['GET', 'POST']],
  [/^\/v1\/evaluations\/[^/]+$/, ['GET', 'DELETE']],
  [/^\/v1\/evaluations\/[^/]+\/events$/, ['GET']],
];

export function createApp(deps: AppDeps): Hono<ApiEnv> {
  const limits: Limits = { ...SERVER_LIMITS, ...deps.limits };
  if (deps.authToken !== undefined && deps.authToken.length < MIN_TOKEN_LENGTH) {
    throw new InputError(
      `FLOWEXEC_API_TOKEN: the API token must have at least ${MIN_TOKEN_LENGTH} characters`,
      'FLOWEXEC_API_TOKEN',
    );
  }
  const ctx: ApiContext = {
    executor: deps.executor,
    jobs: deps.jobs ?? new JobRunner({ store: new MemoryJobStore(), executor: deps.executor, limits }),
    limits,
    catalog: deps.workloads,
    runtime: deps.runtime ?? 'unknown',
    version: deps.version ?? '0.0.0',
    now: deps.now ?? (() => performance.now()),
  };

  const app = new Hono<ApiEnv>();
  app.use('*', (c, next) => {
    // set before the handler, so they join its response as it is built (touching c.res after would rebuild it)
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-store');
    return next();
  });
  if (deps.authToken !== undefined) app.use('*', bearerAuth(deps.authToken));
  // the routes that read a body or wait for work have a deadline; reads answer from memory (and an event stream lives
  // as long as its job), so they skip its timer and signal
  const withDeadline = deadline(limits.requestTimeoutMs, limits.retryAfterSeconds);
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : withDeadline(c, next)));

  app.route('/', catalogRoutes(ctx));
  app.route('/', simulationRoutes(ctx));
  app.route('/', evaluationRoutes(ctx));
  app.route('/', eventRoutes(ctx));
  app.route('/', askRoutes(ctx));
  if (deps.dashboardHtml !== undefined) app.route('/', dashboardRoutes(deps.dashboardHtml));
  app.route('/', shardRoutes(ctx));
  app.route('/', policyRoutes(deps.policies));
  app.route('/', regimeRoutes(ctx, deps.regimes));

  app.notFound((c) => {
    const route = ROUTES.find(([pattern]) => pattern.test(c.req.path));
    // a listed method without a handler is a route this app was built without (GET / with no dashboard): 404
    if (!route || route[1].includes(c.req.method))
      return errorResponse(new ApiError(404, 'not_found', `path: no route ${c.req.path.slice(0, 200)}`, 'path'));
    const allow = [...route[1], ...(route[1].includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    if (c.req.method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow } });
    return errorResponse(
      new ApiError(
        405,
        'method_not_allowed',
        `method: ${c.req.method} is not allowed here (allowed: ${allow})`,
        'method',
        { allow },
      ),
    );
  });

  app.onError((error) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500 && apiError.code === 'internal') {
      console.error(`flowexec api: internal error: ${(error as Error)?.stack ?? String(error)}`);
    }
    return errorResponse(apiError);
  });

  return app;
}
