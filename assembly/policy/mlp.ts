// A trained policy network evaluated inside wasm: observation normalisation, two ReLU hidden layers, one output
// (the pre-sigmoid mean of the action). f32x4 over paths, 16 paths per weight load: V8 emits 27 x64 instructions per
// 32 multiply-adds (~21 ns per path for 6-16-16-1 here); tfjs (float32) computes the same function to ~1e-6.
// ReLU and the input clip are f32x4.pmax/pmin, one instruction each: f32x4.max's NaN and -0 rules cost seven on x64
// (the clip's bounds are not zero, so its bits are those of min/max; ReLU keeps -0 as -0, and so does the twin).
//
// Parameter block (f32, laid out by src/engine/mlp-layout.ts): [nIn, h1, h2, scratchOffset (floats), actionScale A,
// actionShift c, 0, 0] then, each padded to a multiple of 4 floats: obsMean[nIn], obsInvStd[nIn], W1[h1][nIn], b1[h1], W2[h2][h1], b2[h2],
// W3[h2], b3; at scratchOffset: room for (nIn + h1 + h2) x 16 floats of activations, then for the first layer's fold
// (mlpPrepare): folded bias pad4(h1), varying weights h1 nIn, constant columns nIn pad4(h1), constants pad4(nIn).
// Inputs are clipped to [-10, 10] after normalisation (as SB3's VecNormalize does).
// Action: the fraction of the remaining inventory is A sigmoid(mu + c) / (steps left), c = -ln(A - 1), so mu = 0
// trades at TWAP's rate and A bounds how much faster than TWAP the policy may go (A = 0: plain sigmoid(mu)); the
// last step trades everything left, like every other strategy (the participation cap still applies).
import { sigmoidF32x4 } from '../math/sigmoid-f32';
import * as E from '../rollout/env-layout';
import { stepConstantFeatures } from '../rollout/observe';

// @ts-ignore: decorator
@inline export function pad4(n: i32): usize {
  return <usize>((n + 3) & ~3) << 2;
}

// @ts-ignore: decorator
@inline export function dim(policy: usize, i: i32): i32 {
  return <i32>load<f32>(policy + (<usize>i << 2));
}

// @ts-ignore: decorator
@inline export function splat32(ptr: usize): v128 {
  return v128.load32_splat(ptr);
}

/**
 * mu of paths 0 .. paths - 1 (a multiple of 16): observations f32 feature-major (nIn planes of `paths`) at obsPtr,
 * mu f32 to outPtr. Features whose bit is set in constantMask hold one value on every path (see forwardPaths).
 */
export function mlpForward(policy: usize, obsPtr: usize, outPtr: usize, paths: i32, constantMask: i32): void {
  mlpPrepare(policy, constantMask);
  forwardPaths(policy, obsPtr, <usize>paths << 2, outPtr, 0, paths, constantMask);
}

/** A normalised, clipped input (x - mean) invStd in [-10, 10], for the fold: the bits of the f32x4 lanes of forwardPaths. */
// @ts-ignore: decorator
@inline function normalised(x: f32, mean: usize, invStd: usize, i: i32): f32 {
  return min(max((x - load<f32>(mean + (<usize>i << 2))) * load<f32>(invStd + (<usize>i << 2)), <f32>-10.0), <f32>10.0);
}

/** The fold's scratch, after the activations: folded bias [pad4(h1)], then varyingWeights and constantColumns. */
// @ts-ignore: decorator
@inline function foldedBias(policy: usize): usize {
  return policy + (<usize>dim(policy, 3) << 2) + (<usize>(dim(policy, 0) + dim(policy, 1) + dim(policy, 2)) << 6);
}

/** The first layer's weights of the varying features, row-major [h1][nVarying]. */
// @ts-ignore: decorator
@inline function varyingWeights(policy: usize): usize {
  return foldedBias(policy) + pad4(dim(policy, 1));
}

/** The first layer's weights of each constant feature, a column of pad4(h1) floats each; then the constants. */
// @ts-ignore: decorator
@inline function constantColumns(policy: usize): usize {
  return varyingWeights(policy) + (<usize>(dim(policy, 1) * dim(policy, 0)) << 2);
}

/** Features of the nIn whose bit is clear in constantMask. */
// @ts-ignore: decorator
@inline export function varyingCount(nIn: i32, constantMask: i32): i32 {
  return nIn - <i32>popcnt(constantMask & ((1 << nIn) - 1));
}

/**
 * Lays out the first layer for constantMask (see forwardPaths), once per rollout: the varying features' weights
 * row-major [h1][nVarying], and each constant feature's weights as a column of pad4(h1) floats.
 */
export function mlpPrepare(policy: usize, constantMask: i32): void {
  if (constantMask == 0) return;
  const nIn = dim(policy, 0), h1 = dim(policy, 1);
  const w1 = policy + 32 + 2 * pad4(nIn);
  const varyingW1 = varyingWeights(policy), columns = constantColumns(policy);
  const nVarying = varyingCount(nIn, constantMask);
  for (let j = 0; j < h1; j++) {
    for (let i = 0, v = 0, c = 0; i < nIn; i++) {
      const w = load<f32>(w1 + (<usize>(j * nIn + i) << 2));
      if ((constantMask >> i) & 1) {
        store<f32>(columns + <usize>c * pad4(h1) + (<usize>j << 2), w);
        c++;
      } else {
        store<f32>(varyingW1 + (<usize>(j * nVarying + v) << 2), w);
        v++;
      }
    }
  }
}

/**
 * mu of paths first .. first + count - 1 (multiples of 16); plane: bytes between observation features.
 * The features in constantMask (time left and volume level always share one value across paths at a step) are
 * folded into the first layer's bias once per call (mlpPrepare first), so the per-path loop runs over the others
 * only: each first-layer sum is b + (constant features' terms) + (the others' terms), each group in feature order.
 * The TS twin (src/reference/policy/mlp.ts) sums in that order; with constantMask = 0 it is the plain order.
 */
function forwardPaths(policy: usize, obsPtr: usize, plane: usize, outPtr: usize, first: i32, count: i32, constantMask: i32): void {
  const nIn = dim(policy, 0), h1 = dim(policy, 1), h2 = dim(policy, 2);
  const w2 = secondLayer(policy);
  const b2 = w2 + pad4(h2 * h1);
  const w3 = b2 + pad4(h2);
  const b3 = w3 + pad4(h2);
  const inputs = policy + (<usize>dim(policy, 3) << 2);
  const hidden1 = inputs + (<usize>nIn << 6);
  const hidden2 = hidden1 + (<usize>h1 << 6);
  const bias1 = firstLayerBias(policy, obsPtr, plane, first, constantMask);
  const weights1 = firstLayerWeights(policy, constantMask), nVarying = varyingCount(nIn, constantMask);
  const mean = policy + 32, invStd = mean + pad4(nIn);
  const lo = f32x4.splat(-10.0), hi = f32x4.splat(10.0), zero = f32x4.splat(0.0);
  for (let block = first; block < first + count; block += 16) {
    normaliseBlock(mean, invStd, inputs, nIn, obsPtr, plane, block, constantMask, lo, hi);
    denseRelu(inputs, nVarying, weights1, bias1, h1, hidden1, zero);
    denseRelu(hidden1, h1, w2, b2, h2, hidden2, zero);
    denseRow(hidden2, h2, w3, b3, outPtr + (<usize>block << 2), false);
  }
}

/** W2 (row-major [h2][h1]); b2, W3 and b3 follow, each padded to 4 floats. */
// @ts-ignore: decorator
@inline export function secondLayer(policy: usize): usize {
  const nIn = dim(policy, 0), h1 = dim(policy, 1);
  return policy + 32 + 2 * pad4(nIn) + pad4(h1 * nIn) + pad4(h1);
}

/** The first layer's weights over the varying features: W1 itself, or the fold's varying weights (mlpPrepare). */
// @ts-ignore: decorator
@inline export function firstLayerWeights(policy: usize, constantMask: i32): usize {
  return constantMask != 0 ? varyingWeights(policy) : policy + 32 + 2 * pad4(dim(policy, 0));
}

/**
 * The first layer's bias for this step: b1, or with constantMask the folded bias b + (constant features' terms in
 * feature order), the constants read from path `first` (they hold one value on every path).
 */
// @ts-ignore: decorator
@inline export function firstLayerBias(policy: usize, obsPtr: usize, plane: usize, first: i32, constantMask: i32): usize {
  const nIn = dim(policy, 0), h1 = dim(policy, 1);
  const mean = policy + 32;
  const invStd = mean + pad4(nIn);
  const b1 = invStd + pad4(nIn) + pad4(h1 * nIn);
  if (constantMask == 0) return b1;
  const folded = foldedBias(policy), columns = constantColumns(policy), constants = columns + <usize>nIn * pad4(h1);
  let nConstant = 0;
  for (let i = 0; i < nIn; i++) {
    if (!((constantMask >> i) & 1)) continue;
    const x = normalised(load<f32>(obsPtr + <usize>i * plane + (<usize>first << 2)), mean, invStd, i);
    store<f32>(constants + (<usize>nConstant << 2), x);
    nConstant++;
  }
  // four outputs a lane each: lane j sums b[j], then w[j][c] x_c in feature order (the bits of a scalar loop)
  for (let j = 0; j < h1; j += 4) {
    let acc = v128.load(b1 + (<usize>j << 2));
    for (let c = 0; c < nConstant; c++) {
      acc = f32x4.add(acc, f32x4.mul(v128.load(columns + <usize>c * pad4(h1) + (<usize>j << 2)), splat32(constants + (<usize>c << 2))));
    }
    v128.store(folded + (<usize>j << 2), acc);
  }
  return folded;
}

/**
 * The varying features of the 16 paths from `block`, normalised ((x - mean) invStd) and clipped to [lo, hi] = [-10, 10],
 * to `inputs` (feature v at inputs + 64 v, 16 floats). The caller hoists the pointers and splats out of its block loop.
 */
// @ts-ignore: decorator
@inline export function normaliseBlock(mean: usize, invStd: usize, inputs: usize, nIn: i32, obsPtr: usize, plane: usize,
  block: i32, constantMask: i32, lo: v128, hi: v128): void {
  const column = <usize>block << 2;
  for (let i = 0, v = 0; i < nIn; i++) {
    if ((constantMask >> i) & 1) continue;
    const m = splat32(mean + (<usize>i << 2)), s = splat32(invStd + (<usize>i << 2));
    const src = obsPtr + <usize>i * plane + column, dst = inputs + (<usize>v << 6);
    for (let l = 0; l < 4; l++) {
      const x = f32x4.mul(f32x4.sub(v128.load(src + (<usize>l << 4)), m), s);
      v128.store(dst + (<usize>l << 4), f32x4.pmin(f32x4.pmax(x, lo), hi));
    }
    v++;
  }
}

/**
 * out[j] = max(0, b[j] + sum_i w[j][i] in[i]) for 16 paths (four f32x4 per row of activations). Two outputs at a
 * time: eight independent accumulator chains keep both add pipes busy where four would wait on the add latency
 * (each chain still sums in the order i = 0, 1, ..., so the bits are those of the plain loop and of the TS twin).
 */
// @ts-ignore: decorator
@inline export function denseRelu(input: usize, nIn: i32, w: usize, b: usize, nOut: i32, out: usize, zero: v128): void {
  let j = 0;
  for (; j + 1 < nOut; j += 2) {
    let a0 = splat32(b + (<usize>j << 2)), a1 = a0, a2 = a0, a3 = a0;
    let c0 = splat32(b + (<usize>j << 2) + 4), c1 = c0, c2 = c0, c3 = c0;
    const row = w + (<usize>(j * nIn) << 2);
    const end = row + (<usize>nIn << 2);
    for (let wr = row, x = input; wr < end; wr += 4, x += 64) {
      const wa = v128.load32_splat(wr), wc = v128.load32_splat(wr + (<usize>nIn << 2));
      const x0 = v128.load(x), x1 = v128.load(x, 16), x2 = v128.load(x, 32), x3 = v128.load(x, 48);
      a0 = f32x4.add(a0, f32x4.mul(wa, x0));
      c0 = f32x4.add(c0, f32x4.mul(wc, x0));
      a1 = f32x4.add(a1, f32x4.mul(wa, x1));
      c1 = f32x4.add(c1, f32x4.mul(wc, x1));
      a2 = f32x4.add(a2, f32x4.mul(wa, x2));
      c2 = f32x4.add(c2, f32x4.mul(wc, x2));
      a3 = f32x4.add(a3, f32x4.mul(wa, x3));
      c3 = f32x4.add(c3, f32x4.mul(wc, x3));
    }
    const o = out + (<usize>j << 6);
    v128.store(o, f32x4.pmax(a0, zero));
    v128.store(o, f32x4.pmax(a1, zero), 16);
    v128.store(o, f32x4.pmax(a2, zero), 32);
    v128.store(o, f32x4.pmax(a3, zero), 48);
    v128.store(o, f32x4.pmax(c0, zero), 64);
    v128.store(o, f32x4.pmax(c1, zero), 80);
    v128.store(o, f32x4.pmax(c2, zero), 96);
    v128.store(o, f32x4.pmax(c3, zero), 112);
  }
  if (j < nOut) denseRow(input, nIn, w + (<usize>(j * nIn) << 2), b + (<usize>j << 2), out + (<usize>j << 6), true);
}

/** One output row (weights at row, bias at b) for 16 paths, to the 16 floats at dst, through ReLU when relu. */
// @ts-ignore: decorator
@inline export function denseRow(input: usize, nIn: i32, row: usize, b: usize, dst: usize, relu: bool): void {
  let a0 = splat32(b), a1 = a0, a2 = a0, a3 = a0;
  for (let i = 0; i < nIn; i++) {
    const wi = splat32(row + (<usize>i << 2));
    const x = input + (<usize>i << 6);
    a0 = f32x4.add(a0, f32x4.mul(wi, v128.load(x)));
    a1 = f32x4.add(a1, f32x4.mul(wi, v128.load(x, 16)));
    a2 = f32x4.add(a2, f32x4.mul(wi, v128.load(x, 32)));
    a3 = f32x4.add(a3, f32x4.mul(wi, v128.load(x, 48)));
  }
  if (relu) {
    const zero = f32x4.splat(0.0);
    a0 = f32x4.pmax(a0, zero); a1 = f32x4.pmax(a1, zero); a2 = f32x4.pmax(a2, zero); a3 = f32x4.pmax(a3, zero);
  }
  v128.store(dst, a0);
  v128.store(dst, a1, 16);
  v128.store(dst, a2, 32);
  v128.store(dst, a3, 48);
}

/**
 * The deterministic action of decision k for paths first .. first + count - 1 (multiples of 16), observations
 * already made: run the network, fraction = factor sigmoid(mu + c) (sigmoid in f32). muPtr: room for B f32.
 */
export function mlpPaths(env: usize, k: i32, policy: usize, muPtr: usize, first: i32, count: i32): void {
  if (lastDecision(env, k, first, count)) return;
  const paths = <i32>E.header(env, E.E_PATHS);
  forwardPaths(policy, E.region(env, E.E_OFF_OBSERVATIONS), <usize>paths << 2, muPtr, first, count, stepConstantFeatures(env));
  fractionsOfMu(env, k, policy, muPtr, first, count);
}

/** At the last step every path trades everything left (as every strategy does: a leftover would escape its cost). */
// @ts-ignore: decorator
@inline export function lastDecision(env: usize, k: i32, first: i32, count: i32): bool {
  if (<i32>E.header(env, E.E_STEPS) - k > 1) return false;
  const out = E.region(env, E.E_OFF_FRACTIONS), ones = f64x2.splat(1.0);
  for (let p = first >> 1; p < (first + count) >> 1; p++) v128.store(out + (<usize>p << 4), ones);
  return true;
}

/** Fractions from the network outputs mu at muPtr: A sigmoid(mu + c) / (steps left), A and c from the block's header. */
// @ts-ignore: decorator
@inline export function fractionsOfMu(env: usize, k: i32, policy: usize, muPtr: usize, first: i32, count: i32): void {
  const out = E.region(env, E.E_OFF_FRACTIONS);
  const stepsLeft = <f64>(<i32>E.header(env, E.E_STEPS) - k);
  const scale = <f64>load<f32>(policy, 16), shift = v128.load32_splat(policy + 20);
  const factor = f64x2.splat(scale > 0.0 ? scale / stepsLeft : 1.0);
  for (let g = first >> 2; g < (first + count) >> 2; g++) {
    const sigmoid = sigmoidF32x4(f32x4.add(v128.load(muPtr + (<usize>g << 4)), shift));
    const o = out + (<usize>g << 5);
    v128.store(o, f64x2.mul(factor, f64x2.promote_low_f32x4(sigmoid)));
    v128.store(o, f64x2.mul(factor, f64x2.promote_low_f32x4(i32x4.shuffle(sigmoid, sigmoid, 2, 3, 2, 3))), 16);
  }
}
