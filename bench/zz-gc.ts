import { join } from 'node:path';
import { parseWorkload } from '../src/market/workload.js';
import { planFromWorkload } from '../src/eval/workload-plan.js';
import { simulate } from '../src/eval/simulate.js';
import { InlineExecutor } from '../src/eval/executor.js';
import { WasmBackend } from '../src/engine/wasm-backend.js';
import { createNodeEngine } from '../src/runtime/node.js';
import { WORKLOADS_DIR } from '../src/runtime/paths.js';
import { readJsonFile } from '../src/cli/files.js';
import { POLICY_MLP, ROLLOUT_COLUMNS } from '../src/engine/env-layout.js';
import { benchPolicyParams, envWorlds } from './env-worlds.js';
const pre = Number(process.argv[2] ?? 0);
if (pre > 0) {
  const wasm = new InlineExecutor(new WasmBackend(await createNodeEngine()));
  const w = parseWorkload(readJsonFile(join(WORKLOADS_DIR, 'heston-paths.json'), 'w'));
  const plan = planFromWorkload(w, { seed: 1, scheme: 'euler', paths: pre });
  const t = performance.now(); await simulate(plan, wasm); console.log('pre', (performance.now() - t).toFixed(0), 'ms', JSON.stringify(process.memoryUsage()));
}
const engine = await createNodeEngine();
const wasm = new WasmBackend(engine);
const policy = { kind: POLICY_MLP, params: benchPolicyParams() };
const { spec } = envWorlds()[0]!;
const batch = 1024, batches = 256;
const out = new Float64Array(ROLLOUT_COLUMNS * batch);
const n = batches * batch * spec.steps;
const ts: string[] = [];
for (let i = 0; i < 20; i++) { const t = performance.now(); for (let b = 0; b < batches; b++) wasm.closedLoopRollout(spec, b * batch, batch, policy, out, batch); ts.push(((performance.now() - t) * 1e6 / n).toFixed(1)); console.log("run", ts.at(-1)); }
console.log(ts.join(' '));
