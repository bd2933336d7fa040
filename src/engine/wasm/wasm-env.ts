// A batched execution environment in the wasm engine's memory: header, per-step arrays, per-path state.
import { PHILOX_KEY_TABLE_BYTES } from '../layout.js';
import type { Engine } from './engine.js';
import type { EnvSpec } from '../env-spec.js';
import { E, S, OBSERVATION_FEATURES, ENV_PATH_BLOCK } from '../env-layout.js';

/** The header of an environment for `paths` paths from firstPath (everything but the offsets). */
export function envHeader(spec: EnvSpec, paths: number, firstPath: number): Float64Array {
  const h = new Float64Array(E.HEADER_LENGTH);
  h[E.MODEL] = spec.modelId;
  h[E.STEPS] = spec.steps;
  h[E.PATHS] = paths;
  h[E.SHARES] = spec.shares;
  h[E.S0] = spec.s0;
  h[E.SIDE] = spec.side;
  h[E.PERM_LOG] = spec.permanentLog;
  h[E.PERM_ADD] = spec.permanentAdd;
  h[E.TEMP_BETA] = spec.temporaryBeta;
  h[E.TRANS_BETA] = spec.transientBeta;
  h[E.TRANS_SELF] = spec.transientSelf ?? 0;
  h[E.COMPONENTS] = spec.kernelWeights.length;
  h[E.CAP] = spec.participationCap;
  h[E.SEED_LO] = spec.seed.lo;
  h[E.SEED_HI] = spec.seed.hi;
  h[E.FIRST_PATH] = firstPath;
  h[E.OBS_PRICE_SCALE] = spec.obsPriceScale;
  h[E.OBS_VARIANCE_SCALE] = spec.obsVarianceScale;
  h[E.OBS_TRANSIENT_SCALE] = spec.obsTransientScale;
  h[E.MEAN_VOLUME] = spec.meanVolume;
  h[E.OBJECTIVE] = spec.objective;
  h[E.RISK_COEF] = spec.riskCoef;
  h[E.ALPHA] = spec.alpha;
  h[E.FORCE_LIQUIDATION] = spec.forceLiquidation ? 1 : 0;
  h[E.PENALTY] = spec.penaltyPerShare;
  h[E.MODEL_VARIANCE] = spec.modelVariance;
  h[E.IMPACT_VOL] = spec.impactVolScale ?? 0;
  h[E.VOLUME_NOISE] = spec.volumeNoise ?? 0;
  h[E.VOLUME_PERSISTENCE] = spec.volumePersistence ?? 0;
  h[E.VOLUME_ELASTICITY] = spec.volumeElasticity ?? 0;
  h[E.TRANS_BY_VOLUME] = spec.transientByVolume ? 1 : 0;
  return h;
}

/**
 * Bytes between consecutive state arrays: B f64 rounded up to an odd number of cache lines, so that no two of the
 * 18 + J arrays start at the same address mod 4096. With B = 1024 they all would, and every load in a step would
 * wait on the store before it to a "matching" address (4K aliasing): steps measured 2x slower on this machine.
 */
function stateStrideBytes(paths: number): number {
  const lines = Math.ceil((paths * 8) / 64);
  return (lines % 2 === 0 ? lines + 1 : lines) * 64;
}

/** Lays out spec for `paths` paths (a multiple of 16) from firstPath; returns the environment's base pointer. */
export function allocEnv(engine: Engine, spec: EnvSpec, paths: number, firstPath: number): number {
  if (paths % ENV_PATH_BLOCK !== 0)
    throw new RangeError(`environment paths must be a multiple of ${ENV_PATH_BLOCK}, got ${paths}`);
  const J = spec.kernelWeights.length,
    N = spec.steps;
  const sizes: Array<[slot: number, bytes: number]> = [
    [E.OFF_PARAMS, spec.params.length * 8],
    [E.OFF_TEMP_SCALE, N * 8],
    [E.OFF_SPREAD, N * 8],
    [E.OFF_TRANS_SCALE, N * 8],
    [E.OFF_VOLUME, N * 8],
    [E.OFF_KERNEL_W, J * 8],
    [E.OFF_KERNEL_D, J * 8],
    [E.OFF_STATE, (S.FIELDS + J) * stateStrideBytes(paths)],
    [E.OFF_NORMALS, (paths / 4) * 128],
    [E.OFF_UNIFORMS, (paths / 4) * 64],
    [E.OFF_WORDS, (paths / 4) * 64],
    [E.OFF_KEYS, PHILOX_KEY_TABLE_BYTES],
    [E.OFF_FRACTIONS, paths * 8],
    // the observations, and a seventh plane for the network's output
    [E.OFF_OBSERVATIONS, (OBSERVATION_FEATURES + 1) * paths * 4],
    [E.OFF_SEASON, N * 8],
    [E.OFF_VOLUME_NORMALS, (paths / 4) * 128],
  ];
  let offset = E.HEADER_LENGTH * 8;
  const header = envHeader(spec, paths, firstPath);
  header[E.STATE_STRIDE] = stateStrideBytes(paths);
  for (const [slot, bytes] of sizes) {
    header[slot] = offset;
    offset += Math.ceil(bytes / 64) * 64;
  }
  const base = engine.alloc(offset);
  engine.f64(base, E.HEADER_LENGTH).set(header);
  const put = (slot: number, values: Float64Array) => engine.f64(base + header[slot]!, values.length).set(values);
  put(E.OFF_PARAMS, spec.params);
  put(E.OFF_TEMP_SCALE, spec.temporaryScale);
  put(E.OFF_SPREAD, spec.spread);
  put(E.OFF_TRANS_SCALE, spec.transientScale);
  put(E.OFF_VOLUME, spec.stepVolume);
  put(E.OFF_KERNEL_W, spec.kernelWeights);
  put(E.OFF_KERNEL_D, spec.kernelDecays);
  put(E.OFF_SEASON, spec.season ?? new Float64Array(N).fill(1));
  return base;
}

/** A view of state array `field` of an environment (rebuild after anything that can grow memory). */
export function envState(engine: Engine, env: number, field: number): Float64Array {
  const header = engine.f64(env, E.HEADER_LENGTH);
  return engine.f64(env + header[E.OFF_STATE]! + field * header[E.STATE_STRIDE]!, header[E.PATHS]!);
}
