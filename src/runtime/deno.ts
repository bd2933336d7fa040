// Deno entry (bundled to build/runtime/deno.js): `deno run --allow-net --allow-read=build/runtime --allow-env=FLOWEXEC_* deno.js [--port N] [--host H]`.
import { SERVER_LIMITS } from '../api/limits.js';
import { edgeApp, serveFlags } from './edge-app.js';

declare const Deno: {
  args: string[];
  env: { get(name: string): string | undefined };
  readFile(path: URL): Promise<Uint8Array>;
  serve(
    options: { port: number; hostname: string; onListen?: (addr: { hostname: string; port: number }) => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
  exit(code: number): never;
};

try {
  const { port, host } = serveFlags(Deno.args);
  const module = await WebAssembly.compile(
    (await Deno.readFile(new URL('./flowexec.wasm', import.meta.url))) as BufferSource,
  );
  const app = await edgeApp({
    module,
    runtime: 'deno',
    limits: SERVER_LIMITS,
    jobMode: 'background',
    env: (name) => Deno.env.get(name),
  });
  Deno.serve(
    {
      port,
      hostname: host,
      onListen: (addr) => console.log(`flowexec deno: listening on http://${addr.hostname}:${addr.port}`),
    },
    (request) => app.fetch(request),
  );
} catch (error) {
  console.error(`flowexec deno: ${(error as Error).message}`);
  Deno.exit(2);
}
