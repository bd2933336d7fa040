// The public engine handle: one instantiated wasm module, opaque to users; how the library reaches the kernels inside.
import { Engine } from '../engine/wasm/engine.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { InlineExecutor, type ShardExecutor } from '../eval/executor.js';
import { InputError } from '../errors/input-error.js';

const kernels = new WeakMap<FlowExecEngine, Engine>();

/**
 * One instance of FlowExec's WebAssembly engine (its own linear memory). Create it once with `createEngine()` and
 * pass it to {@link simulate}, {@link evaluate} and {@link VecEnv}; an engine is single-threaded and not shared
 * between workers (runs with `threads > 1` start their own engines).
 *
 * @example
 * ```ts
 * import { createEngine, simulate } from 'flowexec';
 * const engine = await createEngine();
 * const run = await simulate('heston-paths', { engine, paths: 10_000 });
 * console.log(run.mean, engine.memoryBytes);
 * ```
 */
export class FlowExecEngine {
  /** @hidden use `createEngine()` */
  private constructor() {}

  /**
   * Bytes of wasm linear memory in use (static data plus the high-water mark of its arena).
   *
   * @example
   * ```ts
   * const engine = await createEngine();
   * console.log(`${engine.memoryBytes / 65536} pages`);
   * ```
   */
  get memoryBytes(): number {
    return kernelOf(this).memoryBytes;
  }

  /** @hidden */
  static wrap(kernel: Engine): FlowExecEngine {
    const engine = new FlowExecEngine();
    kernels.set(engine, kernel);
    return engine;
  }
}

/** The wasm engine behind a public handle (library-internal). */
export function kernelOf(engine: FlowExecEngine): Engine {
  const kernel = kernels.get(engine);
  if (!kernel) throw new TypeError('engine: not a FlowExec engine (create one with createEngine())');
  return kernel;
}

/** A public handle over a fresh instance of a compiled module. */
export async function engineFromModule(module: WebAssembly.Module): Promise<FlowExecEngine> {
  return FlowExecEngine.wrap(await Engine.create(module));
}

/** An executor running shards in this thread on the engine's kernels. */
export function inlineExecutor(engine: FlowExecEngine): ShardExecutor {
  return new InlineExecutor(new WasmBackend(kernelOf(engine)));
}

/**
 * The executor of a run that names no `executor`: the engine's, in this thread (the Node entry makes pools itself).
 */
export function engineExecutor(options: { engine?: FlowExecEngine; threads?: number }, entry: string): ShardExecutor {
  if (!options.engine)
    throw new InputError(`options.engine: ${entry} needs an engine (from createEngine({ wasm }))`, 'options.engine');
  if ((options.threads ?? 1) !== 1)
    throw new InputError(`options.threads: ${entry} runs on one thread (pass an executor for more)`, 'options.threads');
  return inlineExecutor(options.engine);
}

/**
 * Where the wasm of `createEngine` comes from in a browser or edge runtime: a compiled module, its bytes, a URL to
 * fetch, or a fetch Response.
 *
 * @example
 * ```ts
 * import { createEngine } from 'flowexec/browser';
 * const engine = await createEngine({ wasm: new URL('./flowexec.wasm', import.meta.url) });
 * ```
 */
export type WasmSource = WebAssembly.Module | ArrayBuffer | ArrayBufferView | URL | string | Response;

/** Compiles a wasm source with web APIs only (fetch and WebAssembly): no Node built-ins. */
export async function compileWasm(source: WasmSource): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer) return WebAssembly.compile(source);
  if (ArrayBuffer.isView(source)) {
    return WebAssembly.compile(new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice());
  }
  const response = typeof source === 'string' || source instanceof URL ? await fetch(source) : source;
  if (!response.ok)
    throw new Error(`wasm: fetching ${response.url || String(source)} failed with HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}
