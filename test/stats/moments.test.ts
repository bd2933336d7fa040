// assembly/stats/moments.ts against its twin: mergeable statistics records, co-moments and histograms included.
import { test } from 'uvu';
import { runContract } from '../support/contract.js';

test('statistics records are bit-identical, co-moments and histograms included', () => {
  const n = 333,
    stride = 336,
    nCols = 3,
    nPaired = 2,
    bins = 16;
  const values = new Float64Array(nCols * stride).map((_, i) => Math.sin(i * 0.37) * 10 + (i % 7));
  const hist = new Float64Array([-12, bins / 24, -12, bins / 24]);
  runContract('record', (be) => {
    const record = new Float64Array(1 + 4 * nCols + 1 + nPaired * (bins + 2));
    be.momentsReduce(values, n, stride, nCols, nPaired, hist, bins, record);
    return record;
  });
});

test.run();
