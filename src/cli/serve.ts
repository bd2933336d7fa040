// flowexec serve: the HTTP API on Node (worker pool, on-disk jobs) until SIGINT or SIGTERM.
import { SERVE_USAGE } from './usage.js';
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { parseCommand, integerOption, threadsOption } from './args.js';
import { startNodeServer } from '../runtime/node-server.js';
import { InputError } from '../errors/input-error.js';
import { parseRedisUrl } from '../runtime/redis-connection.js';

export async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseCommand(
    args,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      threads: { type: 'string' },
      queue: { type: 'string' },
      policies: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    0,
  );
  if (values.help) {
    console.log(`usage: ${SERVE_USAGE}`);
    return;
  }
  const port = integerOption(values, 'port', 0, 65535) ?? 8080;
  const host = values.host ?? '127.0.0.1';
  if (!/^[\w.:-]{1,255}$/.test(host))
    throw new InputError(`--host must be a host name or address (got "${host}")`, 'host');
  const dataDir = resolve(values['data-dir'] ?? '.flowexec/api');
  const threads = threadsOption(values);
  const policiesDir = values.policies === undefined ? undefined : resolve(values.policies);
  if (policiesDir !== undefined && !(existsSync(policiesDir) && statSync(policiesDir).isDirectory()))
    throw new InputError(`--policies: not a folder: ${policiesDir}`, 'policies');
  const queue = values.queue === undefined ? undefined : parseRedisUrl(values.queue);
  let server;
  try {
    server = await startNodeServer({ port, host, dataDir, threads, env: process.env, queue, policiesDir });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new InputError(`--port: ${host}:${port} is already in use`, 'port');
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
      throw new InputError(`--host: cannot listen on ${host}`, 'host');
    if (e.code === 'EACCES') throw new InputError(`--port: no permission to listen on ${host}:${port}`, 'port');
    if (e.code === 'ENOTDIR' || e.code === 'EEXIST')
      throw new InputError(`--data-dir: not a folder: ${dataDir}`, 'data-dir');
    throw error;
  }
  console.log(
    `flowexec serve: listening on ${server.url} (data dir ${dataDir}, ${server.threads} threads${queue ? `, jobs on ${queue.label}` : ''})`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(done, (error: unknown) => {
        console.error(`flowexec serve: ${(error as Error).message}`);
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
