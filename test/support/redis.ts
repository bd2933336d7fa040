// A real redis-server for the queue tests (installed from the OS packages by scripts/install-redis.sh when missing)
// on a free loopback port, and `flowexec worker` processes to go with it.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { waitFor } from './wait.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

let binary: string | undefined;

/** redis-server's path, installed first when missing (skip nothing: the queue tests need the real thing). */
export function redisServerBinary(): string {
  binary ??= execFileSync('bash', [`${ROOT}scripts/install-redis.sh`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return binary;
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      data += d;
      if (data.includes('PONG')) {
        socket.end();
        resolve(true);
      }
    });
    socket.on('error', () => resolve(false));
  });
}

export interface TestRedis {
  url: string;
  port: number;
  /** Shuts the server down (no persistence: everything in it is lost). */
  stop(): Promise<void>;
  /** Starts a fresh, empty server on the same port. */
  start(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const path = redisServerBinary();
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor(`redis-server on port ${port}`, () => answers(port), 15_000);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM'); // with --save "" it keeps nothing
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}

export interface TestWorker {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait: the worker finishes what it holds. */
  stop(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * A `flowexec worker` process, resolved once it takes shards. By default small lock and stall times (a killed
 * worker's job moves on within about a second; on a loaded machine a live worker's job may be re-run too, which
 * must not change any result); `quickStall: false` keeps BullMQ's 30 s, as a deployment would.
 */
export async function startWorker(
  url: string,
  extra: string[] = [],
  o: { quickStall?: boolean } = {},
): Promise<TestWorker> {
  const stall = o.quickStall === false ? [] : ['--lock-duration', '1000', '--stalled-interval', '500'];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'worker', '--queue', url, '--threads', '1', ...stall, ...extra],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitFor('the worker to start', () => out.includes('taking shards') || child.exitCode !== null, 60_000);
  if (child.exitCode !== null) throw new Error(`worker exited: ${out}`);
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, output: () => out, stop: () => kill('SIGTERM'), kill };
}
