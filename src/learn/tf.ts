// tfjs on its WASM backend, set up once (the only module besides src/learn/* that may import @tensorflow).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<typeof tf> | undefined;

/**
 * The tfjs module with the wasm backend active. The trailing slash of the wasm path matters (without it tfjs
 * looks for ".../disttfjs-backend-wasm-simd.wasm"); the threaded build never loads in Node, so this is one thread.
 */
export function tfWasm(wasmDir?: string): Promise<typeof tf> {
  ready ??= (async () => {
    // import.meta.resolve (Node >= 20.6, Deno, Bun) finds the package without node:module, so learn/ stays runtime-free;
    // where a loader hides it (tsx inside a worker thread) the runtime passes the folder
    const dist =
      wasmDir ??
      decodeURIComponent(
        new URL('./dist/', import.meta.resolve('@tensorflow/tfjs-backend-wasm/package.json')).pathname,
      );
    setWasmPaths(dist.endsWith('/') ? dist : `${dist}/`);
    tf.env().set('IS_TEST', true);
    await tf.setBackend('wasm');
    await tf.ready();
    return tf;
  })();
  return ready;
}

export type Tf = typeof tf;
