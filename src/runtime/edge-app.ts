// The app as the non-Node runtimes build it: engine in this thread, jobs in memory, workloads bundled as JSON modules.
import { BUNDLED_WORKLOADS } from '../workloads/bundled.js';
import { createApp } from '../api/app.js';
import { JobRunner } from '../api/job-runner.js';
import { MemoryJobStore } from '../api/job-store.js';
import { limitsFromEnv, type Limits } from '../api/limits.js';
import { InlineExecutor } from '../eval/executor.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { Engine } from '../engine/wasm/engine.js';
import { InputError } from '../errors/input-error.js';

/** The package version, defined by the bundler (scripts/bundle-runtimes.mjs). */
declare const __FLOWEXEC_VERSION__: string | undefined;
const VERSION = typeof __FLOWEXEC_VERSION__ === 'string' ? __FLOWEXEC_VERSION__ : '0.0.0';

export interface EdgeAppOptions {
  module: WebAssembly.Module;
  runtime: 'workerd' | 'deno' | 'bun';
  /** The runtime's environment variables (FLOWEXEC_API_TOKEN, FLOWEXEC_MAX_*). */
  env: (name: string) => string | undefined;
  limits: Limits;
  /** inline on workerd (a job lives inside its request), background on the long-lived Deno and Bun servers. */
  jobMode: 'inline' | 'background';
}

export async function edgeApp(o: EdgeAppOptions) {
  const limits = limitsFromEnv(o.limits, o.env);
  const executor = new InlineExecutor(new WasmBackend(await Engine.create(o.module)));
  const jobs = new JobRunner({ store: new MemoryJobStore(), executor, limits, mode: o.jobMode, durable: false });
  return createApp({
    executor,
    jobs,
    limits,
    authToken: o.env('FLOWEXEC_API_TOKEN') || undefined,
    runtime: o.runtime,
    version: VERSION,
    workloads: BUNDLED_WORKLOADS,
  });
}

/** --port N and --host H of the Deno and Bun entries (defaults 8080, 127.0.0.1). */
export function serveFlags(args: string[]): { port: number; host: string } {
  let port = 8080,
    host = '127.0.0.1';
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--port' && value !== undefined && /^\d{1,5}$/.test(value) && Number(value) <= 65535)
      port = Number(value);
    else if (flag === '--host' && value !== undefined && /^[\w.:-]{1,255}$/.test(value)) host = value;
    else throw new InputError(`bad argument ${JSON.stringify(flag)} (usage: [--port N] [--host H])`);
  }
  return { port, host };
}
