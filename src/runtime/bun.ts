// Bun entry (bundled to build/runtime/bun.js): `bun bun.js [--port N] [--host H]`.
import { SERVER_LIMITS } from '../api/limits.js';
import { HEARTBEAT_MS } from '../api/routes/events.js';
import { edgeApp, serveFlags } from './edge-app.js';

declare const Bun: {
  argv: string[];
  env: Record<string, string | undefined>;
  file(path: URL): { arrayBuffer(): Promise<ArrayBuffer> };
  serve(options: {
    port: number;
    hostname: string;
    idleTimeout: number;
    fetch: (request: Request) => Response | Promise<Response>;
  }): { port: number; hostname: string };
};

try {
  const { port, host } = serveFlags(Bun.argv.slice(2));
  const module = await WebAssembly.compile(await Bun.file(new URL('./flowexec.wasm', import.meta.url)).arrayBuffer());
  const app = await edgeApp({
    module,
    runtime: 'bun',
    limits: SERVER_LIMITS,
    jobMode: 'background',
    env: (name) => Bun.env[name],
  });
  // Bun closes a connection idle for idleTimeout seconds: keep it above the event streams' heartbeat
  const server = Bun.serve({
    port,
    hostname: host,
    idleTimeout: Math.ceil((3 * HEARTBEAT_MS) / 1000),
    fetch: (request) => app.fetch(request),
  });
  console.log(`flowexec bun: listening on http://${server.hostname}:${server.port}`);
} catch (error) {
  console.error(`flowexec bun: ${(error as Error).message}`);
  process.exit(2);
}
