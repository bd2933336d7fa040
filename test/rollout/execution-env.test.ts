// assembly/rollout/execution-env.ts against its twin, one step at a time through the ABI (envReset, envObserve,
// envStep): every state array, the reward and the f32 observations, with fractions outside [0, 1] and NaN.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../src/runtime/node.js';
import { allocEnv, envState } from '../../src/engine/wasm/wasm-env.js';
import { E, S, OBSERVATION_FEATURES } from '../../src/engine/env-layout.js';
import { ReferenceEnvPath } from '../../src/reference/rollout/execution-env.js';
import { assertSameBits } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { envSpec, OBJECTIVES } from '../support/env-cases.js';

const engine = await createNodeEngine();
const B = 32,
  FIRST = 5;
/** The fraction path p trades at step k: mostly in (0, 1), sometimes negative, above 1 or NaN (clamped, NaN as 0). */
const fraction = (p: number, k: number) => [0.05, 0.2, -0.3, 0.1, 1.7, Number.NaN, 0.5][(p + 3 * k) % 7]!;
const FIELDS: Array<[string, number, (r: ReferenceEnvPath) => number]> = [
  ['x', S.X, (r) => r.path.state.x],
  ['v', S.V, (r) => r.path.state.v],
  ['q', S.Q, (r) => r.q],
  ['cum', S.CUM, (r) => r.cum],
  ['timing', S.TIMING, (r) => r.timing],
  ['permanent', S.PERMANENT, (r) => r.permanent],
  ['temporary', S.TEMPORARY, (r) => r.temporary],
  ['transient', S.TRANSIENT, (r) => r.transient],
  ['spread', S.SPREAD, (r) => r.spread],
  ['maxp', S.MAXP, (r) => r.maxp],
  ['reward', S.REWARD, (r) => r.reward],
  ['return', S.RETURN, (r) => r.ret],
];

for (const [name, id, model, precision] of MODELS) {
  test(`${name}: every step's state, reward and observations are bit-identical under every objective`, () => {
    for (const [objectiveName, extra] of OBJECTIVES) {
      const spec = { ...envSpec(model, id, -1, precision), ...extra };
      const mark = engine.mark();
      try {
        const env = allocEnv(engine, spec, B, FIRST);
        const header = () => engine.f64(env, E.HEADER_LENGTH);
        const twins = Array.from({ length: B }, (_, p) => {
          const r = new ReferenceEnvPath(spec);
          r.reset(FIRST + p);
          return r;
        });
        engine.exports.envReset(env);
        for (let k = 0; k < spec.steps; k++) {
          engine.exports.envObserve(env);
          const obs = new Float32Array(
            engine.exports.memory.buffer,
            env + header()[E.OFF_OBSERVATIONS]!,
            OBSERVATION_FEATURES * B,
          );
          const expected = new Float32Array(OBSERVATION_FEATURES * B);
          twins.forEach((r, p) =>
            r.observe().forEach((v, f) => {
              expected[f * B + p] = v;
            }),
          );
          assertSameBits(
            Float64Array.from(obs),
            Float64Array.from(expected),
            `${objectiveName} observations at step ${k}`,
          );
          engine.f64(env + header()[E.OFF_FRACTIONS]!, B).set(Array.from({ length: B }, (_, p) => fraction(p, k)));
          engine.exports.envStep(env);
          twins.forEach((r, p) => r.step(fraction(p, k)));
          for (const [field, slot, get] of FIELDS) {
            assertSameBits(
              Float64Array.from(envState(engine, env, slot)),
              Float64Array.from(twins, get),
              `${objectiveName} ${field} after step ${k}`,
            );
          }
        }
        assert.is(header()[E.STEP], spec.steps);
        assert.ok(twins.some((r) => r.q > 0) || spec.forceLiquidation, 'the cap leaves inventory on some path');
      } finally {
        engine.release(mark);
      }
    }
  });
}

test.run();
