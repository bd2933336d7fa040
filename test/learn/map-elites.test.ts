// MAP-Elites by rollouts in the batched WASM env: deterministic for a seed, a child replaces its cell's elite only when
// better on the fresh common paths they share, specialists round-trip as policy files, and
// the multi-market env PPO's generalist trains in is exactly its markets' envs side by side.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../src/runtime/node.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { objectiveSamples } from '../../src/learn/objective-eval.js';
import { runMapElites, genomePolicy, GENOME_LENGTH, cellEnvs } from '../../src/learn/map-elites/map-elites.js';
import { mapElitesExperiment } from '../../src/learn/experiments/map-elites.js';
import { MultiVecEnv } from '../../src/learn/multi-vec-env.js';
import { VecEnv } from '../../src/learn/vec-env.js';
import { parsePolicyFile, policyRef } from '../../src/strategies/policy-file.js';

const engine = await createNodeEngine();
const backend = new WasmBackend(engine);
const CANDIDATES = 400,
  P = 32,
  SEARCH_SEED = 7;
const me = runMapElites({ engine, candidates: CANDIDATES, pathsPerCandidate: P, seed: 3, searchSeed: SEARCH_SEED });
const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;

test('every candidate is one rollout evaluation, and the search is deterministic for a seed', () => {
  assert.is(me.evaluated, CANDIDATES);
  assert.is(me.envSteps, (2 * CANDIDATES - 9) * P * me.envs[0]!.spec.steps, 'a child and its elite per candidate');
  assert.is(me.elites.length, 9);
  const again = runMapElites({
    engine,
    candidates: CANDIDATES,
    pathsPerCandidate: P,
    seed: 3,
    searchSeed: SEARCH_SEED,
  });
  assert.equal(
    again.elites.map((e) => e.searchScore),
    me.elites.map((e) => e.searchScore),
  );
});

test('a child replaces its elite only when it is better on the fresh common paths they share', () => {
  // replay the search's first comparisons by hand: cell c's first candidate is the all-zero (TWAP-rate) network
  const tiny = runMapElites({ engine, candidates: 10, pathsPerCandidate: P, seed: 3, searchSeed: SEARCH_SEED });
  const zero = new Float64Array(GENOME_LENGTH);
  // candidate 9 (index 9, seed SEARCH_SEED + 9) is the first random genome, offered to cell 0 against the zero network
  const first = tiny.elites[0]!;
  const zeroOn9 = mean(
    objectiveSamples(
      backend,
      tiny.envs[0]!.spec,
      genomePolicy(zero, tiny.scaling),
      P,
      SEARCH_SEED + 9,
      tiny.envs[0]!.terminalCostBps,
    ),
  );
  assert.ok(first.searchScore <= zeroOn9, 'the kept elite is no worse than the zero network on the shared paths');
  for (let c = 1; c < 9; c++) assert.equal(Array.from(tiny.elites[c]!.genome), Array.from(zero));
  assert.ok(me.improvements > 0, 'variation found better policies');
});

test('the multi-market env is its markets side by side, market m on seed + m', () => {
  const envs = cellEnvs().slice(0, 3);
  const multi = new MultiVecEnv(engine, envs, 16);
  const singles = envs.map((e) => new VecEnv(engine, e.spec, 16, e.terminalCostBps));
  let obs = multi.reset(5);
  const parts = singles.map((v, m) => v.reset(5 + m));
  assert.equal(
    Array.from(obs),
    parts.flatMap((x) => Array.from(x)),
  );
  for (let t = 0; t < envs[0]!.spec.steps; t++) {
    const action = Array.from({ length: 48 }, (_, i) => ((i % 7) + 1) / 40);
    const r = multi.stepWith(action);
    const rs = singles.map((v, m) => v.stepWith(action.slice(m * 16, m * 16 + 16)));
    assert.equal(
      Array.from(r.reward),
      rs.flatMap((x) => Array.from(x.reward)),
    );
    if (r.info.episode)
      assert.equal(
        Array.from(r.info.episode.costBps),
        rs.flatMap((x) => Array.from(x.info.episode!.costBps)),
      );
    obs = r.obs;
  }
});

test('the experiment judges specialists, the PPO generalist and the best static schedule on common paths', async () => {
  const r = await mapElitesExperiment({
    quick: true,
    engine,
    settings: { candidates: 300, pathsPerCandidate: 16, judgePaths: 512, ppoEnvsPerCell: 16, ppoIterations: 2 },
  });
  assert.is(r.cells.length, 9);
  assert.is(r.candidates, 300);
  for (const c of r.cells) {
    const d = c.specialistMinusGeneralist;
    assert.ok(Math.abs(d.mean - (c.specialist.mean - c.generalist.mean)) < 1e-9, 'paired mean = difference of means');
    assert.is(c.specialistWins, d.ci95[1] < 0);
    assert.is(c.beatsBestStatic, c.specialistMinusBestStatic.ci95[1] < 0);
  }
  assert.is(typeof r.beatsBestStatic, 'boolean');
  assert.ok(Number.isFinite(r.bestStatic.mean) && r.bestStatic.stderr > 0);
  // a specialist's policy file validates and runs exactly as its genome did
  const file = parsePolicyFile(JSON.parse(JSON.stringify(r.specialists[4]!.policy)), 'specialist');
  const e = cellEnvs()[4]!;
  const viaFile = objectiveSamples(backend, e.spec, policyRef(file), 64, 1, e.terminalCostBps);
  assert.ok(viaFile.every(Number.isFinite));
});

test.run();
