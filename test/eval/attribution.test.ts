// Shortfall attribution per path: the parts add up to the total, and the static kernel agrees with the
// closed-loop environment running the same schedule (an independent computation on the same paths).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { ChunkRunner } from '../../src/eval/chunk.js';
import { CHUNK_PATHS, PARTS, type StaticStrategyPlan, type ExecutionPlan } from '../../src/eval/plan.js';
import { POLICY_SCHEDULE } from '../../src/engine/env-layout.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { createNodeEngine } from '../../src/runtime/node.js';

/** Per-path agreement: the two computations round differently (sums of ~400 terms), nothing more. */
const RELATIVE_TOLERANCE = 1e-9;
const runner = new ChunkRunner(new WasmBackend(await createNodeEngine()));

function planWithClosedLoopTwin(file: string): ExecutionPlan {
  const config = parseEvaluationConfig(JSON.parse(readFileSync(file, 'utf8')));
  config.strategies = [{ type: 'twap' }, { type: 'vwap' }];
  const plan = buildExecutionPlan(config, { paths: CHUNK_PATHS, seed: 3 });
  const twap = plan.strategies[0] as StaticStrategyPlan;
  plan.strategies.push({
    kind: 'closed-loop',
    name: 'twap-as-policy',
    type: 'schedule',
    policy: { kind: POLICY_SCHEDULE, params: twap.costs.qty },
  });
  plan.histogram = new Float64Array([...plan.histogram, plan.histogram[0]!, plan.histogram[1]!]);
  return plan;
}

for (const example of ['heston-execution', 'power-law-transient', 'almgren-chriss']) {
  test(`${example}: every path's parts sum to its IS, and static TWAP equals TWAP run as a closed-loop policy`, () => {
    const plan = planWithClosedLoopTwin(`examples/${example}.json`);
    const values = runner.pathValues(plan, 0);
    const count = plan.strategies.length;
    const column = (part: string, j: number) => (PARTS.indexOf(part as never) * count + j) * CHUNK_PATHS;
    for (let i = 0; i < CHUNK_PATHS; i++) {
      for (let j = 0; j < count; j++) {
        const total = values[column('is', j) + i]!;
        const parts = ['timing', 'permanent', 'temporary', 'transient', 'spread', 'opportunity'].reduce(
          (sum, part) => sum + values[column(part, j) + i]!,
          0,
        );
        assert.ok(
          Math.abs(parts - total) <= RELATIVE_TOLERANCE * (1 + Math.abs(total)),
          `path ${i} strategy ${j}: ${parts} vs ${total}`,
        );
      }
      for (const part of ['is', 'timing', 'permanent', 'temporary', 'transient', 'spread']) {
        const a = values[column(part, 0) + i]!,
          b = values[column(part, 2) + i]!;
        assert.ok(
          Math.abs(a - b) <= RELATIVE_TOLERANCE * (1 + Math.abs(a)),
          `path ${i} ${part}: static ${a} vs closed loop ${b}`,
        );
      }
    }
  });
}

test.run();
