// A batched execution environment in the wasm engine's memory: header, per-step arrays, per-path state.
import type { Engine } from './engine.js';
import type { EnvSpec } from './env-spec.js';
import { E, S } from './env-layout.js';

const PHILOX_KEY_TABLE_BYTES = 352;

/** Lays out spec for `paths` paths (a multiple of 4) from firstPath; returns the environment's base pointer. */
export function allocEnv(engine: Engine, spec: EnvSpec, paths: number, firstPath: number): number {
  if (paths % 4 !== 0) throw new RangeError(`environment paths must be a multiple of 4, got ${paths}`);
  const J = spec.kernelWeights.length, N = spec.steps;
  const sizes: Array<[slot: number, bytes: number]> = [
    [E.OFF_PARAMS, spec.params.length * 8], [E.OFF_TEMP_SCALE, N * 8], [E.OFF_SPREAD, N * 8], [E.OFF_TRANS_SCALE, N * 8],
    [E.OFF_VOLUME, N * 8], [E.OFF_KERNEL_W, J * 8], [E.OFF_KERNEL_D, J * 8], [E.OFF_STATE, (S.FIELDS + J) * paths * 8],
    [E.OFF_NORMALS, (paths / 4) * 128], [E.OFF_UNIFORMS, (paths / 4) * 64], [E.OFF_WORDS, 64],
    [E.OFF_KEYS, PHILOX_KEY_TABLE_BYTES], [E.OFF_FRACTIONS, paths * 8],
  ];
  let offset = E.HEADER_LENGTH * 8;
  const offsets = new Map<number, number>();
  for (const [slot, bytes] of sizes) { offsets.set(slot, offset); offset += Math.ceil(bytes / 64) * 64; }
  const base = engine.alloc(offset);
  const header = engine.f64(base, E.HEADER_LENGTH);
  header.fill(0);
  header[E.MODEL] = spec.modelId; header[E.STEPS] = N; header[E.PATHS] = paths; header[E.SHARES] = spec.shares;
  header[E.S0] = spec.s0; header[E.SIDE] = spec.side; header[E.PERM_LOG] = spec.permanentLog; header[E.PERM_ADD] = spec.permanentAdd;
  header[E.TEMP_BETA] = spec.temporaryBeta; header[E.TRANS_BETA] = spec.transientBeta; header[E.COMPONENTS] = J;
  header[E.CAP] = spec.participationCap; header[E.SEED_LO] = spec.seed.lo; header[E.SEED_HI] = spec.seed.hi;
  header[E.FIRST_PATH] = firstPath; header[E.SIGMA0] = spec.sigma0; header[E.VAR_REF] = spec.varianceRef; header[E.DT_YEARS] = spec.dtYears;
  for (const [slot, off] of offsets) header[slot] = off;
  const put = (slot: number, values: Float64Array) => engine.f64(base + offsets.get(slot)!, values.length).set(values);
  put(E.OFF_PARAMS, spec.params); put(E.OFF_TEMP_SCALE, spec.temporaryScale); put(E.OFF_SPREAD, spec.spread);
  put(E.OFF_TRANS_SCALE, spec.transientScale); put(E.OFF_VOLUME, spec.stepVolume);
  put(E.OFF_KERNEL_W, spec.kernelWeights); put(E.OFF_KERNEL_D, spec.kernelDecays);
  return base;
}

/** Pointer to state array `field` of an environment. */
export function envState(engine: Engine, env: number, field: number): Float64Array {
  const header = engine.f64(env, E.HEADER_LENGTH);
  const paths = header[E.PATHS]!;
  return engine.f64(env + header[E.OFF_STATE]! + field * paths * 8, paths);
}
