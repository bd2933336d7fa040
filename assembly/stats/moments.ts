// Mergeable statistics of one chunk of per-path values (two-pass, so each chunk's moments are accurate):
// count; per column mean, M2 = sum (x - mean)^2, min, max; co-moments sum (x_i - m_i)(x_j - m_j) of the
// first nPaired columns (for paired differences and control variates); fixed-bin histograms of them.
// Chunks are merged in TypeScript (src/engine/moments.ts, Chan, Golub, LeVeque 1979) in a fixed order.
//
// Record layout (f64), mirrored in src/engine/moments.ts:
//   [0] count
//   [1 + 4 c .. 4 + 4 c] mean, M2, min, max of column c          (c < nCols)
//   [1 + 4 nCols + pair index] co-moment of columns i < j < nPaired, pairs in order (0,1) (0,2) .. (1,2) ..
//   then per paired column: bins counts, underflow count, overflow count (NaN counts as overflow)
// Values are column-major: column c of path i at valuesPtr[c stride + i].
// Histogram spec per paired column at histPtr: (lo, binsPerUnit): bin = floor((x - lo) binsPerUnit).

/** Length in f64 of a record. */
export function momentsRecordLength(nCols: i32, nPaired: i32, bins: i32): i32 {
  return 1 + 4 * nCols + (nPaired * (nPaired - 1)) / 2 + (bins > 0 ? nPaired * (bins + 2) : 0);
}

// @ts-ignore: decorator
@inline function at(ptr: usize, index: i32): f64 {
  return load<f64>(ptr + (<usize>index << 3));
}

export function momentsReduce(valuesPtr: usize, n: i32, stride: i32, nCols: i32, nPaired: i32,
  histPtr: usize, bins: i32, recordPtr: usize): void {
  store<f64>(recordPtr, <f64>n);
  for (let c = 0; c < nCols; c++) {
    const column = valuesPtr + ((<usize>c * <usize>stride) << 3);
    let sum = 0.0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = at(column, i);
      sum += x;
      lo = min(lo, x);
      hi = max(hi, x);
    }
    const mean = sum / <f64>n;
    let m2 = 0.0;
    for (let i = 0; i < n; i++) {
      const d = at(column, i) - mean;
      m2 += d * d;
    }
    const out = recordPtr + (<usize>(1 + 4 * c) << 3);
    store<f64>(out, mean);
    store<f64>(out, m2, 8);
    store<f64>(out, lo, 16);
    store<f64>(out, hi, 24);
  }
  let pair = 1 + 4 * nCols;
  for (let a = 0; a < nPaired; a++) {
    for (let b = a + 1; b < nPaired; b++) {
      const ca = valuesPtr + ((<usize>a * <usize>stride) << 3), cb = valuesPtr + ((<usize>b * <usize>stride) << 3);
      const ma = at(recordPtr, 1 + 4 * a), mb = at(recordPtr, 1 + 4 * b);
      let co = 0.0;
      for (let i = 0; i < n; i++) co += (at(ca, i) - ma) * (at(cb, i) - mb);
      store<f64>(recordPtr + (<usize>pair << 3), co);
      pair++;
    }
  }
  if (bins <= 0) return;
  for (let c = 0; c < nPaired; c++) {
    const counts = recordPtr + (<usize>(pair + c * (bins + 2)) << 3);
    memory.fill(counts, 0, <usize>(bins + 2) << 3);
    const lo = at(histPtr, 2 * c), scale = at(histPtr, 2 * c + 1);
    const column = valuesPtr + ((<usize>c * <usize>stride) << 3);
    for (let i = 0; i < n; i++) {
      const position = (at(column, i) - lo) * scale;
      // underflow at bins, overflow (and NaN) at bins + 1
      const bin = position < 0.0 ? bins : position < <f64>bins ? <i32>position : bins + 1;
      const slot = counts + (<usize>bin << 3);
      store<f64>(slot, load<f64>(slot) + 1.0);
    }
  }
}
