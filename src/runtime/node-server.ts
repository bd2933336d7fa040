// The API on Node: the engine's worker pool, the on-disk job store, @hono/node-server; what `flowexec serve` starts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../api/app.js';
import { JobRunner } from '../api/job-runner.js';
import { SERVER_LIMITS, limitsFromEnv } from '../api/limits.js';
import { WORKLOAD_NAMES } from '../api/schemas.js';
import { executorFor } from './node-pool.js';
import { DiskJobStore } from './node-job-store.js';
import { PACKAGE_ROOT, WORKLOADS_DIR } from './paths.js';
import { readDashboardHtml } from './node-web-assets.js';
import { policyDirSource, EXAMPLE_POLICIES_DIR } from './policy-dir.js';
import { nodeRegimes } from './node-regimes.js';
import { nodeSamplePaths } from './node-sample-paths.js';
import type { RedisTarget } from './redis-connection.js';

export interface NodeServerOptions {
  port: number;
  host: string;
  dataDir: string;
  threads: number;
  env: Record<string, string | undefined>;
  /** Evaluation jobs run on the workers of this queue (flowexec worker) instead of this process's pool. */
  queue?: RedisTarget;
  /** Folder of saved policy files shown as training runs (default: the package's examples/policies). */
  policiesDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  threads: number;
  /** Stops accepting, abandons running jobs unrecorded (they run again at the next start), closes the pool. */
  close(): Promise<void>;
}

/** The canonical workloads, read from fixed file names in the package (never from a request). */
export function nodeWorkloads(): Record<string, unknown> {
  return Object.fromEntries(
    WORKLOAD_NAMES.map((name) => [name, JSON.parse(readFileSync(join(WORKLOADS_DIR, `${name}.json`), 'utf8'))]),
  );
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function startNodeServer(o: NodeServerOptions): Promise<RunningServer> {
  const limits = limitsFromEnv(SERVER_LIMITS, (name) => o.env[name]);
  const token = o.env.FLOWEXEC_API_TOKEN || undefined;
  const store = await DiskJobStore.open(o.dataDir);
  // bullmq is loaded only when asked for
  const queue = o.queue
    ? await (await import('./queue-executor.js')).QueueExecutor.open(o.queue, { log: (line) => console.error(line) })
    : undefined;
  const executor = await executorFor(o.threads);
  const jobs = new JobRunner({
    store,
    executor: queue ?? executor,
    limits,
    durable: true,
    samplePaths: nodeSamplePaths,
  });
  const app = createApp({
    executor,
    workloads: nodeWorkloads(),
    jobs,
    limits,
    authToken: token,
    runtime: 'node',
    version: packageVersion(),
    dashboardHtml: readDashboardHtml(),
    policies: policyDirSource(o.policiesDir ?? EXAMPLE_POLICIES_DIR),
    regimes: nodeRegimes(),
  });

  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: {
      // a client that is slow to send its request is cut off (slowloris); responses (SSE) are not limited here
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.requestTimeoutMs, 15_000),
      connectionsCheckingInterval: 1000, // how often those two are enforced (Node's default is 30 s)
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await executor.close();
    await queue?.close();
    throw error;
  }
  await jobs.start(); // jobs the last run left queued or running start again
  const port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    threads: executor.threads,
    close: () =>
      (closing ??= (async () => {
        await jobs.stop();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections(); // event streams would hold close() open
        await closed;
        await executor.close();
        await queue?.close();
      })()),
  };
}
