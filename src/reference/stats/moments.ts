// Plain-TS twin of assembly/stats/moments.ts: the statistics record of one chunk, same passes, same order.

export function momentsReduce(
  values: Float64Array,
  n: number,
  stride: number,
  nCols: number,
  nPaired: number,
  hist: Float64Array | null,
  bins: number,
  record: Float64Array,
): void {
  record[0] = n;
  for (let c = 0; c < nCols; c++) {
    const o = c * stride;
    let sum = 0.0,
      lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = values[o + i]!;
      sum += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    const mean = sum / n;
    let m2 = 0.0;
    for (let i = 0; i < n; i++) {
      const d = values[o + i]! - mean;
      m2 += d * d;
    }
    record[1 + 4 * c] = mean;
    record[2 + 4 * c] = m2;
    record[3 + 4 * c] = lo;
    record[4 + 4 * c] = hi;
  }
  let pair = 1 + 4 * nCols;
  for (let a = 0; a < nPaired; a++) {
    for (let b = a + 1; b < nPaired; b++) {
      const ma = record[1 + 4 * a]!,
        mb = record[1 + 4 * b]!;
      let co = 0.0;
      for (let i = 0; i < n; i++) co += (values[a * stride + i]! - ma) * (values[b * stride + i]! - mb);
      record[pair++] = co;
    }
  }
  if (bins <= 0 || !hist) return;
  for (let c = 0; c < nPaired; c++) {
    const counts = pair + c * (bins + 2);
    record.fill(0, counts, counts + bins + 2);
    const lo = hist[2 * c]!,
      scale = hist[2 * c + 1]!;
    for (let i = 0; i < n; i++) {
      const position = (values[c * stride + i]! - lo) * scale;
      const bin = position < 0.0 ? bins : position < bins ? Math.trunc(position) : bins + 1;
      record[counts + bin] = record[counts + bin]! + 1.0;
    }
  }
}
