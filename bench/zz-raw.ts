import { createNodeEngine } from '../src/runtime/node.js';
import { allocEnv } from '../src/engine/wasm-env.js';
import { POLICY_MLP, ROLLOUT_COLUMNS } from '../src/engine/env-layout.js';
import { benchPolicyParams, envWorlds } from './env-worlds.js';
const e = await createNodeEngine();
const params = benchPolicyParams();
const { spec } = envWorlds()[0]!;
const batch = 1024, batches = 256;
const env = allocEnv(e, spec, batch, 0);
const pp = e.alloc(params.length * 8); e.f64(pp, params.length).set(params);
const op = e.alloc(ROLLOUT_COLUMNS * batch * 8);
const n = batches * batch * spec.steps;
const t0 = performance.now();
for (let i = 0; i < 20; i++) { const t = performance.now(); for (let b = 0; b < batches; b++) e.exports.closedLoopRollout(env, POLICY_MLP, pp, op, batch); console.log('run', ((performance.now() - t) * 1e6 / n).toFixed(1), 'at', (t - t0).toFixed(0)); }
