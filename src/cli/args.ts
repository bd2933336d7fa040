// Strict parsing of command-line options: every bad value is an InputError naming the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../errors/input-error.js';
import { defaultThreads } from '../runtime/node-pool.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode, with its errors turned into one-line InputErrors. */
export function parseCommand<T extends OptionSpec>(args: string[], options: T, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    throw new InputError(message.replace(/^Unknown option '(.*)'$/, "unknown option '$1' (see flowexec help)"));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new InputError(`unexpected argument '${parsed.positionals[maxPositionals]}'`);
  }
  return parsed;
}

/** An integer option in [min, max]; undefined when absent. */
export function integerOption(
  values: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const value = /^[+]?\d+(\.0*)?$|^[+]?\d+(\.\d+)?e[+]?\d+$/i.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new InputError(`--${name} must be an integer ${range} (got "${text}")`, name);
  }
  return value;
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(
  values: Record<string, unknown>,
  name: string,
  choices: readonly T[],
): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T))
    throw new InputError(`--${name} must be one of ${choices.join(', ')} (got "${String(raw)}")`, name);
  return raw as T;
}

/** --threads: worker threads in [1, 256], by default one per available CPU. */
export function threadsOption(values: Record<string, unknown>): number {
  return integerOption(values, 'threads', 1, 256) ?? defaultThreads();
}
