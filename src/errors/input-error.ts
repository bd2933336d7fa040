// The one error type for bad user input: every edge (CLI, config files, data, API bodies) turns it into exit 2 or a 4xx.
/** Thrown for bad user input anywhere (CLI, config files, data, API bodies); exit status 2 / HTTP 4xx. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}
