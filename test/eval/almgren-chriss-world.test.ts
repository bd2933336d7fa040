// Monte Carlo in the Almgren-Chriss world (examples/almgren-chriss.json) reproduces the paper's E and std.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { wasmExecutor } from '../support/workloads.js';

const NOTIONAL = 5e7;
const bps = (currency: number) => (1e4 * currency) / NOTIONAL;
const config = parseEvaluationConfig(JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8')));
config.evaluation.frontier = undefined;
const PATHS = 100_000;
const result = await runEvaluation(config, await wasmExecutor(), { paths: PATHS, seed: 4 });
const byName = (name: string) => result.strategies.find((s) => s.name === name)!;

function assertWithin3Se(name: string, mean: number, std: number): void {
  const s = byName(name);
  assert.ok(Math.abs(s.mean - bps(mean)) <= 3 * s.stderr, `${name} mean ${s.mean} vs ${bps(mean)} +- ${3 * s.stderr}`);
  // the cost is normal here, so the SE of the sample std is std / sqrt(2 (n - 1))
  const stdSe = s.std / Math.sqrt(2 * (PATHS - 1));
  assert.ok(Math.abs(s.std - bps(std)) <= 3 * stdSe, `${name} std ${s.std} vs ${bps(std)} +- ${3 * stdSe}`);
}

test('TWAP: E[cost] 662,500 and std 1,040,673 within 3 SE', () => assertWithin3Se('twap', 662_500, 1_040_672.86));

test('Almgren-Chriss at lambda = 1e-6: E 911,226.99 and std 603,430.67 within 3 SE', () =>
  assertWithin3Se('almgren-chriss(1e-6/ccy)', 911_226.99, 603_430.67));

test("the exact E[IS] of the static strategies is the paper's", () => {
  assert.ok(Math.abs(byName('twap').oracleMean! - bps(662_500)) < 1e-9);
  assert.ok(Math.abs(byName('almgren-chriss(1e-6/ccy)').oracleMean! - bps(911_226.9863037932)) < 1e-8);
});

test('adaptive Almgren-Chriss equals the static one when volatility is constant (same paths, same decisions)', () => {
  const d = result.pairedToBest.find(
    (p) => p.strategy === 'almgren-chriss(1e-6/ccy)' || p.strategy === 'adaptive-ac(1e-6/ccy)',
  )!;
  // per-path differences are rounding (~1e-12 relative); the paired SE is then the cancellation noise of
  // var_a + var_b - 2 cov with variances ~1.4e4 bps^2, far below any real difference
  assert.ok(Math.abs(d.mean) < 1e-9 && d.stderr < 1e-6, `difference ${d.mean} +- ${d.stderr}`);
});

test('paired confidence intervals are several times tighter than unpaired ones', () => {
  for (const d of result.pairedToBest)
    if (d.stderr > 0) assert.ok(d.stderr < 0.5 * d.unpairedStderr, `${d.strategy}: ${d.stderr} vs ${d.unpairedStderr}`);
});

test.run();
