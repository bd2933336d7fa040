// TensorFlow.js for the training commands: an optional peer dependency, so its absence gets the line that installs it.
import { InputError } from '../errors/input-error.js';

/** What `npm install` needs for training (package.json's peerDependencies, marked optional). */
export const TFJS_INSTALL = 'npm install @tensorflow/tfjs@^4.22.0 @tensorflow/tfjs-backend-wasm@^4.22.0';

/** Whether an import failed because a @tensorflow package is not installed (Node, Deno and Bun word it differently). */
export function isMissingTfjs(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : '';
  return (
    /@tensorflow\/tfjs/.test(message) &&
    /cannot find|not found|could not resolve|ERR_MODULE_NOT_FOUND/i.test(`${message} ${String(e?.code ?? '')}`)
  );
}

/**
 * Loads a training module (anything that imports src/learn/tf.ts) for `command`; when tfjs is missing, an InputError
 * (exit 2) that says how to install it instead of a module-resolution stack.
 */
export async function withTfjs<T>(command: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingTfjs(error)) throw error;
    throw new InputError(
      `${command} trains with TensorFlow.js, an optional dependency of flowexec that is not installed: run \`${TFJS_INSTALL}\``,
      'dependencies',
    );
  }
}
