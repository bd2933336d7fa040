// Mergeable statistics records (layout of assembly/stats/moments.ts): merge in a fixed order, then summarise.
//
// Merge: Chan, Golub, LeVeque (1979), "Updating formulae and a pairwise algorithm for computing sample
// variances": n = na + nb, d = mb - ma, mean = ma + d nb / n, M2 = M2a + M2b + d^2 na nb / n, and the
// co-moment analogue C = Ca + Cb + dx dy na nb / n. Records are merged strictly in chunk order, so the
// result is the same bits whatever the shard size or thread count.

export interface RecordShape {
  nCols: number;
  nPaired: number;
  bins: number;
}

export function recordLength({ nCols, nPaired, bins }: RecordShape): number {
  return 1 + 4 * nCols + (nPaired * (nPaired - 1)) / 2 + (bins > 0 ? nPaired * (bins + 2) : 0);
}

function pairIndex(shape: RecordShape, i: number, j: number): number {
  const [a, b] = i < j ? [i, j] : [j, i];
  // pairs (0,1) (0,2) .. (0,P-1) (1,2) ..: pairs before row a, then the offset in row a
  const before = (a * (2 * shape.nPaired - a - 1)) / 2;
  return 1 + 4 * shape.nCols + before + (b - a - 1);
}

function histogramOffset(shape: RecordShape, c: number): number {
  return 1 + 4 * shape.nCols + (shape.nPaired * (shape.nPaired - 1)) / 2 + c * (shape.bins + 2);
}

/**
 * Merges b into a in place (a first, then b). An empty record (count 0) is the identity. Long runs merge every chunk this way, with no allocation. The
 * co-moments are updated before the means they depend on.
 */
export function mergeInto(shape: RecordShape, a: Float64Array, b: Float64Array): void {
  const na = a[0]!,
    nb = b[0]!;
  if (nb === 0) return;
  if (na === 0) {
    a.set(b.subarray(0, a.length));
    return;
  }
  const n = na + nb;
  const weight = (na * nb) / n;
  for (let i = 0; i < shape.nPaired; i++) {
    const di = b[1 + 4 * i]! - a[1 + 4 * i]!;
    for (let j = i + 1; j < shape.nPaired; j++) {
      const o = pairIndex(shape, i, j);
      a[o] = a[o]! + b[o]! + di * (b[1 + 4 * j]! - a[1 + 4 * j]!) * weight;
    }
  }
  for (let c = 0; c < shape.nCols; c++) {
    const o = 1 + 4 * c;
    const d = b[o]! - a[o]!;
    a[o + 1] = a[o + 1]! + b[o + 1]! + d * d * weight;
    a[o] = a[o]! + d * (nb / n);
    a[o + 2] = Math.min(a[o + 2]!, b[o + 2]!);
    a[o + 3] = Math.max(a[o + 3]!, b[o + 3]!);
  }
  if (shape.bins > 0) {
    for (let o = histogramOffset(shape, 0); o < a.length; o++) a[o] = a[o]! + b[o]!;
  }
  a[0] = n;
}

/** An empty record (count 0): the identity of mergeInto. */
export function emptyRecord(shape: RecordShape): Float64Array {
  return new Float64Array(recordLength(shape));
}

export interface ColumnSummary {
  count: number;
  mean: number;
  /** Unbiased sample standard deviation. */
  std: number;
  /** Standard error of the mean, std / sqrt(count). */
  stderr: number;
  min: number;
  max: number;
}

export function columnSummary(record: Float64Array, c: number): ColumnSummary {
  const n = record[0]!;
  const o = 1 + 4 * c;
  const variance = n > 1 ? record[o + 1]! / (n - 1) : 0;
  const std = Math.sqrt(Math.max(variance, 0));
  return {
    count: n,
    mean: record[o]!,
    std,
    stderr: n > 0 ? std / Math.sqrt(n) : NaN,
    min: record[o + 2]!,
    max: record[o + 3]!,
  };
}

/** Sample covariance of paired columns i and j. */
export function covariance(shape: RecordShape, record: Float64Array, i: number, j: number): number {
  const n = record[0]!;
  if (i === j) return n > 1 ? record[1 + 4 * i + 1]! / (n - 1) : 0;
  return n > 1 ? record[pairIndex(shape, i, j)]! / (n - 1) : 0;
}

/** Counts of paired column c: bins, then underflow and overflow. */
export function histogram(shape: RecordShape, record: Float64Array, c: number): Float64Array {
  const o = histogramOffset(shape, c);
  return record.subarray(o, o + shape.bins + 2);
}
