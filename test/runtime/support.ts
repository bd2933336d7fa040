// Starting the API on each runtime as a child process for end-to-end tests: runtimes installed on demand, ports learnt
// from the child, and a stop that always ends the child (SIGTERM, then SIGKILL), so no test leaves a server behind.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = join(ROOT, 'src/cli/main.ts');
const STARTUP_MS = 30_000;
/** How long stop() waits after SIGTERM before SIGKILL: ample for a clean exit on a loaded machine (a test that needs
 * the clean exit checks the exit code, which a SIGKILL does not give). */
const STOP_GRACE_MS = 30_000;

export interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once: a crash. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The binary of deno, bun or workerd, installed from npm on first use (scripts/install-runtime.mjs; about 100 MB each,
 * cached across runs). An install that fails or outlives its limit throws the script's one line: runtime and reason.
 */
function binary(name: 'deno' | 'bun' | 'workerd'): string {
  try {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/install-runtime.mjs'), name], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.trim().split('\n').pop()!;
  } catch (error) {
    throw new Error(String((error as { stderr?: string }).stderr ?? '').trim() || (error as Error).message);
  }
}

export const BINARIES = { deno: () => binary('deno'), bun: () => binary('bun'), workerd: () => binary('workerd') };

/** Bundles the runtime entries (esbuild, well under a second). */
export function bundle(names: string[]): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle-runtimes.mjs'), ...names], { cwd: ROOT, stdio: 'pipe' });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spawns and waits until `listening` finds the URL in what the child writes (stdout, or fd 3 for workerd's control
 * channel); rejects with the child's output if it exits or stays silent for STARTUP_MS.
 */
export function startProcess(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; listening: (text: string) => string | undefined; controlFd?: boolean },
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.controlFd ? ['pipe' as const] : [])],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '',
    control = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), signal === 'SIGKILL' ? 0 : STOP_GRACE_MS);
      await exited(child);
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      void stop('SIGKILL');
      reject(new Error(`${why}\n--- output of ${command} ---\n${out}`));
    };
    const timer = setTimeout(() => fail(`no listening line within ${STARTUP_MS} ms`), STARTUP_MS);
    const check = () => {
      const url = options.listening(options.controlFd ? control : out);
      if (!url) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ url, child, output: () => out, stop: () => stop('SIGTERM'), kill: () => stop('SIGKILL') });
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      fail(`exited early (${code})`);
    };
    child.once('exit', onExit);
    child.stdout!.on('data', check);
    if (options.controlFd)
      (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => {
        control += d;
        check();
      });
  });
}

const listeningUrl = (text: string) => /listening on (http:\/\/[\w.:[\]-]+)/.exec(text)?.[1];

/** `flowexec serve` from source (tsx), on a free port. */
export function startNodeServe(args: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  return startProcess(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0', ...args], {
    env,
    listening: listeningUrl,
  });
}

export function startDeno(env: Record<string, string> = {}): Promise<Server> {
  return startProcess(
    BINARIES.deno(),
    [
      'run',
      '--allow-net=127.0.0.1',
      '--allow-read=build/runtime',
      '--allow-env=FLOWEXEC_*',
      'build/runtime/deno.js',
      '--port',
      '0',
    ],
    { env, listening: listeningUrl },
  );
}

export function startBun(env: Record<string, string> = {}): Promise<Server> {
  return startProcess(BINARIES.bun(), ['build/runtime/bun.js', '--port', '0'], { env, listening: listeningUrl });
}

/** workerd with the project's config, on a free port learnt from its control channel (fd 3). */
export function startWorkerd(env: Record<string, string> = {}): Promise<Server> {
  return startProcess(
    BINARIES.workerd(),
    ['serve', 'src/runtime/workerd.capnp', '--socket-addr', 'http=127.0.0.1:0', '--control-fd', '3'],
    {
      env,
      controlFd: true,
      listening: (text) => {
        const port = /"event":"listen","socket":"http","port":(\d+)/.exec(text)?.[1];
        return port ? `http://127.0.0.1:${port}` : undefined;
      },
    },
  );
}

/** fetch with a deadline, so a hung server fails the test instead of hanging it. */
export function fetchWithin(url: string, init: RequestInit = {}, ms = 60_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}

/**
 * Reads an event stream as it arrives and hands each event to onEvent until it returns true or the stream ends;
 * resolves with every event read. The deadline cancels the read, so a stream that never ends fails the test.
 */
export async function readEvents(
  url: string,
  onEvent: (event: { event: string; data: any }) => boolean | void,
  ms = 120_000,
) {
  const res = await fetchWithin(url, {}, ms);
  if (res.status !== 200 || !res.body) throw new Error(`events: status ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<{ event: string; data: any }> = [];
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return events;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const data = lines
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (!data) continue; // a keep-alive comment
        const event = {
          event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message',
          data: JSON.parse(data),
        };
        events.push(event);
        if (onEvent(event)) return events;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
