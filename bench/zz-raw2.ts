import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/engine.js';
import { allocEnv } from '../src/engine/wasm-env.js';
import { POLICY_MLP, ROLLOUT_COLUMNS } from '../src/engine/env-layout.js';
import { benchPolicyParams, envWorlds } from './env-worlds.js';
const e = await Engine.create(new WebAssembly.Module(readFileSync(process.argv[2]!)));
const params = benchPolicyParams();
const { spec } = envWorlds()[Number(process.argv[3] ?? 0)]!;
const batch = 1024, batches = 256;
const env = allocEnv(e, spec, batch, 0);
const pp = e.alloc(params.length * 8); e.f64(pp, params.length).set(params);
const op = e.alloc(ROLLOUT_COLUMNS * batch * 8);
const n = batches * batch * spec.steps;
for (let i = 0; i < Number(process.argv[4] ?? 12); i++) { const t = performance.now(); for (let b = 0; b < batches; b++) e.exports.closedLoopRollout(env, POLICY_MLP, pp, op, batch); console.log('run', ((performance.now() - t) * 1e6 / n).toFixed(1)); }
