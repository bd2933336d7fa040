// What the charts read from a result: the engine's IS histograms (every path counted once, consistent with the
// reported VaR), the expected inventory of static strategies (exact: it is the schedule), and the densities drawn.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { densities } from '../../src/web/charts.js';
import { wasmExecutor } from '../support/workloads.js';

const config = parseEvaluationConfig(JSON.parse(readFileSync('examples/heston-execution.json', 'utf8')));
const PATHS = 4000;
const result = await runEvaluation(config, await wasmExecutor(), { paths: PATHS });

test('each histogram counts every path once, with 256 bins of the reported width', () => {
  for (const s of result.strategies) {
    const d = s.distribution;
    assert.is(d.counts.length, 256);
    assert.is(d.counts.reduce((a, b) => a + b, 0) + d.below + d.above, PATHS, s.name);
    assert.is(d.binWidthBps, s.histogramBinWidthBps);
  }
});

test('the histogram agrees with the reported VaR95: about 5% of paths lie above it (to one bin)', () => {
  for (const s of result.strategies) {
    const d = s.distribution;
    const bin = Math.floor((s.var95 - d.loBps) / d.binWidthBps);
    const above = d.counts.slice(bin + 1).reduce((a, b) => a + b, 0) + d.above;
    const atOrAbove = above + (d.counts[bin] ?? 0);
    assert.ok(above <= 0.05 * PATHS && 0.05 * PATHS <= atOrAbove, `${s.name}: ${above} .. ${atOrAbove} paths`);
  }
});

test('expected inventory starts at the whole order and falls by each child order; closed-loop strategies have none', () => {
  const inv = result.inventory;
  assert.is(inv.minutes.length, result.steps + 1);
  assert.is(inv.minutes[result.steps], 390);
  for (const s of result.strategies) {
    const remaining = inv.remaining[s.name];
    if (s.kind === 'closed-loop') {
      assert.is(remaining, null);
      continue;
    }
    assert.is(remaining![0], 1);
    const shares = inv.childShares[s.name]!;
    let left = config.order.shares;
    for (let k = 0; k < result.steps; k++) {
      left -= shares[k]!;
      assert.ok(Math.abs(remaining![k + 1]! - left / config.order.shares) < 1e-12, `${s.name} step ${k}`);
    }
    // what is left at the end is what the participation cap kept from trading: 1 - completion
    assert.ok(
      Math.abs(remaining![result.steps]! - (1 - s.completion)) < 1e-9,
      `${s.name}: ${remaining![result.steps]} vs ${1 - s.completion}`,
    );
  }
});

test('the densities drawn integrate to the share of paths inside the histograms (1 here)', () => {
  const { x, y } = densities(result.strategies);
  const dx = x[1]! - x[0]!;
  result.strategies.forEach((s, i) => {
    const inside = (PATHS - s.distribution.below - s.distribution.above) / PATHS;
    const area = y[i]!.reduce((a, b) => a + b, 0) * dx;
    // the grid samples each bin at points dx apart: the area is exact to about one bin's mass at each end
    assert.ok(Math.abs(area - inside) < 0.05, `${s.name}: ${area}`);
  });
});

test.run();
