// Math for TypeScript code whose results feed a simulation: the engine's own exp/log, never Math.exp/log/pow,
// whose last bits differ between JavaScript engines (V8, JavaScriptCore); + - * / sqrt are exact everywhere.
import { exp } from './exp.js';
import { log } from './log.js';
import { sigmoidF32 } from './sigmoid-f32.js';

export { exp, log, sigmoidF32 };

/** x^y for x >= 0 as exp(y log x); relative error <= (1 + |y log x|) ulp. 0^y = 0 for y > 0. */
export function powPositive(x: number, y: number): number {
  if (x === 0) return 0;
  if (y === 1) return x;
  return exp(y * log(x));
}
