// Running mean and variance of observation features, merged batch by batch (Chan et al. 1979), for normalisation.

export class RunningStats {
  count = 0;
  readonly mean: Float64Array;
  private readonly m2: Float64Array;

  constructor(readonly size: number) {
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }

  /** Adds a row-major batch [n][size]. */
  update(rows: Float32Array): void {
    const n = rows.length / this.size;
    if (n === 0) return;
    for (let i = 0; i < this.size; i++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += rows[r * this.size + i]!;
      const batchMean = sum / n;
      let m2 = 0;
      for (let r = 0; r < n; r++) {
        const d = rows[r * this.size + i]! - batchMean;
        m2 += d * d;
      }
      const total = this.count + n,
        delta = batchMean - this.mean[i]!;
      this.mean[i] = this.mean[i]! + (delta * n) / total;
      this.m2[i] = this.m2[i]! + m2 + (delta * delta * this.count * n) / total;
    }
    this.count += n;
  }

  /** Standard deviations, at least `floor` (a constant feature normalises to 0, not to infinity). */
  std(floor = 1e-4): Float64Array {
    return this.m2.map((m2) => Math.max(Math.sqrt(this.count > 0 ? m2 / this.count : 1), floor));
  }
}
