// The one error type for bad user input: every edge (CLI, config files, data, API bodies) turns it into exit 2 or a 4xx.
/**
 * Thrown for bad user input anywhere (CLI, config files, data, API bodies, library arguments); exit status 2 /
 * HTTP 4xx. The message names the field and the problem; `field` holds the field's dotted path when known.
 *
 * @example
 * ```ts
 * try {
 *   await evaluate(config);
 * } catch (e) {
 *   if (e instanceof InputError) console.error(`bad ${e.field}: ${e.message}`);
 *   else throw e;
 * }
 * ```
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /**
   * @param message - the one-line message, starting with the field (`market.model.rho: must be in [-1, 1]`)
   * @param field - the field's dotted path, when known
   *
   * @example
   * ```ts
   * throw new InputError('order.shares: must be > 0', 'order.shares');
   * ```
   */
  constructor(
    message: string,
    /** The dotted path of the bad field (`market.model.rho`), when known. */
    readonly field?: string,
  ) {
    super(message);
  }
}
