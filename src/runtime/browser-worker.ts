// The engine in the browser: a Web Worker that compiles the same flowexec.wasm and runs the library's evaluate (what
// `flowexec evaluate` runs) on one thread (InlineExecutor). Shards merge in chunk order, so its results are the CLI's
// to the bit for the same config and seed. Messages: in {type: 'run', config, wasm}; out progress, result, or error {message, field}.
import { Engine } from '../engine/wasm/engine.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { InlineExecutor } from '../eval/executor.js';
import { evaluate } from '../library/evaluate.js';
import { parseEvaluationConfig, orderGrid } from '../eval/config.js';
import { InputError } from '../errors/input-error.js';

interface RunMessage {
  type: 'run';
  config: unknown;
  wasm: ArrayBuffer;
  maxPathSteps: number;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RunMessage>) => void) | null;
  postMessage(message: unknown): void;
};
let executor: InlineExecutor | undefined;

function fieldOf(message: string): string | undefined {
  return /^([A-Za-z_][\w.\-]*):\s/.exec(message)?.[1];
}

scope.onmessage = async (event) => {
  const message = event.data;
  if (message.type !== 'run') return;
  try {
    const config = parseEvaluationConfig(message.config);
    // the browser runs small evaluations only: one thread, and the page must stay responsive
    const runs = config.strategies.length + (config.evaluation.frontier?.length ?? 0);
    const pathSteps = config.evaluation.paths * orderGrid(config.order).steps * runs;
    if (pathSteps > message.maxPathSteps) {
      throw new InputError(
        `evaluation.paths: ${pathSteps.toExponential(2)} path-steps is more than this browser runs (${message.maxPathSteps.toExponential(0)}); use fewer paths or the server`,
        'evaluation.paths',
      );
    }
    if (!executor)
      executor = new InlineExecutor(new WasmBackend(await Engine.create(await WebAssembly.compile(message.wasm))));
    const result = await evaluate(config, {
      executor,
      onProgress: (donePaths, totalPaths) => scope.postMessage({ type: 'progress', donePaths, totalPaths }),
    });
    scope.postMessage({ type: 'result', result });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const field = error instanceof InputError ? error.field || fieldOf(text) : undefined;
    scope.postMessage({
      type: 'error',
      message: error instanceof InputError ? text : `internal error: ${text}`,
      field,
    });
  }
};
