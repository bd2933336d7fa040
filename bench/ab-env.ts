// A/B of wasm builds on the environment workloads in one process (ns per env-step, best of the interleaved rounds; equal checksums = same bits).
// Usage: npx tsx bench/ab-env.ts [--only CASE] [--rounds N] A.wasm [B.wasm ...]; build a variant with
// npx asc assembly/index.ts --target release --outFile A.wasm. --only runs the cases whose name starts with CASE
// (e.g. "ac mlp"); with more rounds (15 by default) that is a run for a profiler:
//   perf record -e cpu-clock node --perf-basic-prof --import tsx bench/ab-env.ts --only "ac mlp" --rounds 300 build/flowexec.wasm
// then perf report --sort sym names wasm functions by index (their order in the --textFile output of asc).
// --cpu times each case by the process's CPU time (four runs a sample) instead of the wall clock: on a shared,
// loaded machine the time the process waits for a core is not counted (at load 20 on 2 cores the wall-clock best
// of 15 rounds was 1.8x the CPU-time figure; the CPU-time figures of one build agreed to 0.4 ns a step).
import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/wasm/engine.js';
import { allocEnv } from '../src/engine/wasm/wasm-env.js';
import { POLICY_MLP, POLICY_SCHEDULE, ROLLOUT_COLUMNS } from '../src/engine/env-layout.js';
import { benchPolicyParams, envWorlds } from './env-worlds.js';
const USAGE =
  'usage: npx tsx bench/ab-env.ts [--only CASE] [--rounds N] [--cpu] A.wasm [B.wasm ...] (build one with: npx asc assembly/index.ts --target release --outFile A.wasm)';
const argv = process.argv.slice(2);
/** The value of --name (removed from argv), or undefined. */
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? undefined : (argv.splice(at, 2)[1] ?? '');
};
const only = option('only'),
  roundsText = option('rounds') ?? '15';
const cpuAt = argv.indexOf('--cpu'),
  cpu = cpuAt >= 0;
if (cpu) argv.splice(cpuAt, 1);
/** Runs a case and returns its time in ms: wall clock, or (--cpu) user + system CPU time over four runs, per run. */
function timeRun(run: () => void): number {
  if (!cpu) {
    const t = performance.now();
    run();
    return performance.now() - t;
  }
  const u0 = process.cpuUsage();
  for (let i = 0; i < 4; i++) run();
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / 4000;
}
const rounds = Number(roundsText);
const files = argv;
if (files.length === 0 || only === '' || !(Number.isInteger(rounds) && rounds > 0)) {
  console.error(USAGE);
  process.exit(2);
}
const mlpParams = benchPolicyParams();
const batch = 1024;
type Case = { name: string; n: number; run: () => void; check: () => number };
const variants: Case[][] = [];
for (const f of files) {
  const e = await Engine.create(new WebAssembly.Module(readFileSync(f)));
  const put = (v: Float64Array) => {
    const p = e.alloc(v.length * 8);
    e.f64(p, v.length).set(v);
    return p;
  };
  const cases: Case[] = [];
  const obs = e.alloc(7 * batch * 4);
  const pol = put(mlpParams);
  new Float32Array(e.exports.memory.buffer, obs, 6 * batch).forEach((_, i, a) => {
    a[i] = Math.sin(i);
  });
  cases.push({
    name: 'mlpForward/path',
    n: batch * 20,
    run: () => {
      for (let r = 0; r < 20; r++) e.exports.mlpForward(pol, obs, obs + 6 * batch * 4, batch, 0);
    },
    check: () => new Float32Array(e.exports.memory.buffer, obs + 6 * batch * 4, batch)[5]!,
  });
  for (const { short: world, spec: judging } of envWorlds()) {
    const env = allocEnv(e, judging, batch, 0);
    const mlp = put(mlpParams);
    const sched = put(new Float64Array(judging.steps).fill(1 / judging.steps));
    const reps = Math.max(1, Math.round(3e5 / (batch * judging.steps)));
    // each case its own output columns, so a checksum is of that case's rollout
    const rollout = (name: string, kind: number, policy: number): Case => {
      const out = e.alloc(ROLLOUT_COLUMNS * batch * 8);
      return {
        name,
        n: reps * batch * judging.steps,
        run: () => {
          for (let r = 0; r < reps; r++) e.exports.closedLoopRollout(env, kind, policy, out, batch);
        },
        check: () => e.f64(out, ROLLOUT_COLUMNS * batch).reduce((s, x) => s + x, 0),
      };
    };
    cases.push(
      rollout(`${world} mlp rollout/step`, POLICY_MLP, mlp),
      rollout(`${world} schedule rollout/step`, POLICY_SCHEDULE, sched),
    );
  }
  variants.push(only === undefined ? cases : cases.filter((c) => c.name.startsWith(only)));
}
if (variants[0]!.length === 0) {
  console.error(`--only: no case starts with "${only}"`);
  process.exit(2);
}
const best = variants.map((c) => c.map(() => Infinity));
for (let round = 0; round < rounds; round++) {
  for (let v = 0; v < variants.length; v++)
    for (let c = 0; c < variants[v]!.length; c++) {
      const k = variants[v]![c]!;
      const dt = timeRun(k.run);
      best[v]![c] = Math.min(best[v]![c]!, (dt * 1e6) / k.n);
    }
}
for (let c = 0; c < variants[0]!.length; c++) {
  console.log(
    variants[0]![c]!.name.padEnd(26) +
      variants.map((v, i) => `${best[i]![c]!.toFixed(1).padStart(7)} ns [${v[c]!.check().toPrecision(8)}]`).join('  '),
  );
}
