// Philox4x32-10 counter-based generator (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy
// as 1, 2, 3", SC 2011; Random123): the output is a pure function of (key, counter), so every draw in
// FlowExec is a pure function of (seed, path, step, stream). Passes the Random123 known-answer vectors
// (test/rng/philox.test.ts).
//
// Counter layout used by every kernel (one definition, mirrored in src/reference/rng/philox.ts):
//   c0 = path index (u32), c1 = step index (u32), c2 = stream (u32: which draw of the step), c3 = 0
//   key = (seed low 32 bits, seed high 32 bits)
// The x4 form runs four consecutive paths in the four i32x4 lanes; 32x32 -> 64 products come from
// i64x2.extmul_{low,high}_i32x4_u and a shuffle that separates low and high words. Its round keys are
// precomputed once per kernel call (philoxRoundKeys) because building a splat costs more than loading one.

// @ts-ignore: decorator
@inline const M0: u32 = 0xd2511f53;
// @ts-ignore: decorator
@inline const M1: u32 = 0xcd9e8d57;
// @ts-ignore: decorator
@inline const W0: u32 = 0x9e3779b9;
// @ts-ignore: decorator
@inline const W1: u32 = 0xbb67ae85;
// @ts-ignore: decorator
@inline export const PHILOX_ROUNDS: i32 = 10;
/** Bytes of a round-key table: per round, splat(k0) then splat(k1), then splat(M0), splat(M1). */
// @ts-ignore: decorator
@inline export const PHILOX_KEY_TABLE_BYTES: i32 = (2 * PHILOX_ROUNDS + 2) * 16;

/** Output words of the last scalar call (AssemblyScript has no multiple returns). */
export let philoxOut0: u32 = 0;
export let philoxOut1: u32 = 0;
export let philoxOut2: u32 = 0;
export let philoxOut3: u32 = 0;

/** Philox4x32-10 of one counter, into philoxOut0..3. */
export function philox4x32(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32): void {
  for (let round = 0; round < PHILOX_ROUNDS; round++) {
    const p0 = <u64>M0 * <u64>c0;
    const p1 = <u64>M1 * <u64>c2;
    const n0 = <u32>(p1 >> 32) ^ c1 ^ k0;
    const n2 = <u32>(p0 >> 32) ^ c3 ^ k1;
    c1 = <u32>p1;
    c3 = <u32>p0;
    c0 = n0;
    c2 = n2;
    k0 += W0;
    k1 += W1;
  }
  philoxOut0 = c0;
  philoxOut1 = c1;
  philoxOut2 = c2;
  philoxOut3 = c3;
}

/** Writes the splatted round keys of seed (k0, k1) and the two multipliers to tablePtr (PHILOX_KEY_TABLE_BYTES). */
export function philoxRoundKeys(k0: u32, k1: u32, tablePtr: usize): void {
  for (let round = 0; round < PHILOX_ROUNDS; round++) {
    v128.store(tablePtr + <usize>round * 32, i32x4.splat(k0));
    v128.store(tablePtr + <usize>round * 32 + 16, i32x4.splat(k1));
    k0 += W0;
    k1 += W1;
  }
  v128.store(tablePtr + PHILOX_ROUNDS * 32, i32x4.splat(M0));
  v128.store(tablePtr + PHILOX_ROUNDS * 32 + 16, i32x4.splat(M1));
}

/** High words of x * m (four lanes), xor a, xor the round key at keyPtr. */
// @ts-ignore: decorator
@inline function mulHiXorX4(x: v128, m: v128, a: v128, keyPtr: usize): v128 {
  const hi = i32x4.shuffle(i64x2.extmul_low_i32x4_u(x, m), i64x2.extmul_high_i32x4_u(x, m), 1, 3, 5, 7);
  return v128.xor(v128.xor(hi, a), v128.load(keyPtr));
}

/** Low words of x * m (four lanes). */
// @ts-ignore: decorator
@inline function mulLoX4(x: v128, m: v128): v128 {
  return i32x4.shuffle(i64x2.extmul_low_i32x4_u(x, m), i64x2.extmul_high_i32x4_u(x, m), 0, 2, 4, 6);
}

// Rounds 2..10 of the x4 form, unrolled by hand: AssemblyScript has no multiple returns, and a round loop
// costs V8 a rebuilt multiplier and two key splats per round. State lives in the caller's x0..x3.
export let philoxX4Out0: v128 = i32x4.splat(0);
export let philoxX4Out1: v128 = i32x4.splat(0);
export let philoxX4Out2: v128 = i32x4.splat(0);
export let philoxX4Out3: v128 = i32x4.splat(0);

/**
 * Philox4x32-10 of four counters (c0 + 0..3, c1, c2, 0) into philoxX4Out0..3, round keys from keyTablePtr.
 * Round 1 shares c1, c2 and the key across lanes, so its M1 * c2 product is computed once (scalar).
 */
// @ts-ignore: decorator
@inline export function philox4x32x4(c0v: v128, c1: u32, c2: u32, k0: u32, k1: u32, keyTablePtr: usize): void {
  const m0 = v128.load(keyTablePtr, PHILOX_ROUNDS * 32);
  const m1 = v128.load(keyTablePtr, PHILOX_ROUNDS * 32 + 16);
  const p1s = <u64>M1 * <u64>c2;
  let x0 = i32x4.splat(<u32>(p1s >> 32) ^ c1 ^ k0);
  let x1 = i32x4.splat(<u32>p1s);
  let x2 = mulHiXorX4(c0v, m0, i32x4.splat(0), keyTablePtr + 16);
  let x3 = mulLoX4(c0v, m0);
  let y0: v128, y1: v128, y2: v128, y3: v128;
  // round 2
  y0 = mulHiXorX4(x2, m1, x1, keyTablePtr + 32); y1 = mulLoX4(x2, m1);
  y2 = mulHiXorX4(x0, m0, x3, keyTablePtr + 48); y3 = mulLoX4(x0, m0);
  // round 3
  x0 = mulHiXorX4(y2, m1, y1, keyTablePtr + 64); x1 = mulLoX4(y2, m1);
  x2 = mulHiXorX4(y0, m0, y3, keyTablePtr + 80); x3 = mulLoX4(y0, m0);
  // round 4
  y0 = mulHiXorX4(x2, m1, x1, keyTablePtr + 96); y1 = mulLoX4(x2, m1);
  y2 = mulHiXorX4(x0, m0, x3, keyTablePtr + 112); y3 = mulLoX4(x0, m0);
  // round 5
  x0 = mulHiXorX4(y2, m1, y1, keyTablePtr + 128); x1 = mulLoX4(y2, m1);
  x2 = mulHiXorX4(y0, m0, y3, keyTablePtr + 144); x3 = mulLoX4(y0, m0);
  // round 6
  y0 = mulHiXorX4(x2, m1, x1, keyTablePtr + 160); y1 = mulLoX4(x2, m1);
  y2 = mulHiXorX4(x0, m0, x3, keyTablePtr + 176); y3 = mulLoX4(x0, m0);
  // round 7
  x0 = mulHiXorX4(y2, m1, y1, keyTablePtr + 192); x1 = mulLoX4(y2, m1);
  x2 = mulHiXorX4(y0, m0, y3, keyTablePtr + 208); x3 = mulLoX4(y0, m0);
  // round 8
  y0 = mulHiXorX4(x2, m1, x1, keyTablePtr + 224); y1 = mulLoX4(x2, m1);
  y2 = mulHiXorX4(x0, m0, x3, keyTablePtr + 240); y3 = mulLoX4(x0, m0);
  // round 9
  x0 = mulHiXorX4(y2, m1, y1, keyTablePtr + 256); x1 = mulLoX4(y2, m1);
  x2 = mulHiXorX4(y0, m0, y3, keyTablePtr + 272); x3 = mulLoX4(y0, m0);
  // round 10
  philoxX4Out0 = mulHiXorX4(x2, m1, x1, keyTablePtr + 288);
  philoxX4Out1 = mulLoX4(x2, m1);
  philoxX4Out2 = mulHiXorX4(x0, m0, x3, keyTablePtr + 304);
  philoxX4Out3 = mulLoX4(x0, m0);
}

/**
 * Philox words of four consecutive paths (c0v), calls firstCall .. firstCall + nCalls - 1 of one stream:
 * per call 64 bytes at outPtr + 64 c, word j of the four paths (one i32x4) at + 16 j. Word m of a path's
 * stream (call m >> 2, word m & 3) is therefore at outPtr + 16 (m - 4 firstCall).
 */
export function fillWordsX4(c0v: v128, firstCall: i32, nCalls: i32, stream: u32, k0: u32, k1: u32,
  keyTablePtr: usize, outPtr: usize): void {
  for (let c = 0; c < nCalls; c++) {
    philox4x32x4(c0v, <u32>(firstCall + c), stream, k0, k1, keyTablePtr);
    const out = outPtr + (<usize>c << 6);
    v128.store(out, philoxX4Out0);
    v128.store(out, philoxX4Out1, 16);
    v128.store(out, philoxX4Out2, 32);
    v128.store(out, philoxX4Out3, 48);
  }
}
