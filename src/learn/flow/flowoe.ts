// FlowOE, first slice: expert ensemble per regime -> labelled demonstrations -> conditional flow matching -> the flow
// policy judged against every expert on common paths of each regime (paired statistics), in the batched env via tfjs.
import type { Engine } from '../../engine/wasm/engine.js';
import type { EnvSpec } from '../../engine/env-spec.js';
import { seedWords } from '../../engine/seed.js';
import { OBSERVATION_NAMES } from '../../engine/env-layout.js';
import { actionFraction, actionShift } from '../../engine/mlp-layout.js';
import { summarise, pairedSummary, type SampleSummary } from '../objective-eval.js';
import { trainingEnvironment } from '../train.js';
import {
  adaptiveAcExpert,
  expertPolicy,
  policyExpert,
  engineRollout,
  expertRef,
  rollout,
  staticExperts,
  type Expert,
  type FractionPolicy,
  type Rollout,
} from './experts.js';
import { buildDemonstrations, type ExpertScore } from './demonstrations.js';
import { trainFlow } from './flow-matching.js';
import type { FlowNet } from './flow-net.js';
import { POLICY_FORMAT, POLICY_VERSION, policyRef, type FlowPolicyFile } from '../../strategies/policy-file.js';
import { refineFlow, type RefineRound } from './refine.js';
import { FLOW_NOISE_STREAM } from '../../engine/flow-layout.js';
import { envsFor, type FlowOeConfig } from './flowoe-config.js';
import { lossHistory } from '../training-history.js';

export interface RegimeSetup {
  name: string;
  /** The regime's judging env (its objective, no forced liquidation). */
  spec: EnvSpec;
  actionScale: number;
  experts: Expert[];
}

export interface FlowOeTrained {
  /** The final policy (refined when refine.rounds > 0). */
  policy: FlowPolicyFile;
  /** The pure imitation policy the refining started from (the ablation's "without"), when refined. */
  imitationPolicy?: FlowPolicyFile;
  refineRounds: RefineRound[];
  net: FlowNet;
  regimes: RegimeSetup[];
  scores: ExpertScore[];
  losses: number[];
  demonstrationPairs: number;
  trainingSeconds: number;
}

export interface Progress {
  onProgress?: (line: string) => void;
  createdAt?: string;
}

const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

/**
 * The env scales each regime's observations by its own level (variance / theta, price move in its own sigma), which
 * would hide the regime from the policy; one set of scales for all regimes (the mean of theirs) keeps the volatility
 * level observable. Only observations change: dynamics, costs and rewards are the regime's own.
 */
export function sharedObservationScales(specs: EnvSpec[]): EnvSpec[] {
  const avg = (f: (s: EnvSpec) => number) => specs.reduce((sum, s) => sum + f(s), 0) / specs.length;
  const shared = {
    obsPriceScale: avg((s) => s.obsPriceScale),
    obsVarianceScale: avg((s) => s.obsVarianceScale),
    obsTransientScale: avg((s) => s.obsTransientScale),
  };
  return specs.map((s) => ({ ...s, ...shared }));
}

/** Experts rolled out on the demonstration paths of every regime, the demonstrations, the flow trained on them. */
export async function trainFlowOe(c: FlowOeConfig, engine: Engine, o: Progress = {}): Promise<FlowOeTrained> {
  const started = performance.now();
  const say = o.onProgress ?? (() => {});
  const { paths, seed } = c.demonstrations,
    envs = envsFor(paths);
  const regimes: RegimeSetup[] = [];
  const recorded: Array<{ regime: string; experts: Array<{ name: string; rollout: Rollout }> }> = [];
  const specs = sharedObservationScales(c.regimes.map((r) => trainingEnvironment(r.config).judging));
  for (const [index, r] of c.regimes.entries()) {
    const spec = specs[index]!,
      A = r.config.ppo.actionScale;
    const experts = staticExperts(r.config, c.experts.acGrid);
    const run = (e: Expert) => ({
      name: e.name,
      rollout: rollout(engine, spec, expertPolicy(e, spec.steps), paths, seed, envs, A, true),
    });
    const runs = experts.map(run);
    if (c.experts.adaptiveAc) {
      const ac = runs
        .slice(2)
        .reduce((b, e, i) => (mean(e.rollout.objective) < mean(runs[b + 2]!.rollout.objective) ? i : b), 0);
      const expert = adaptiveAcExpert(r.config, c.experts.acGrid[ac]!);
      experts.push(expert);
      runs.push(run(expert));
    }
    for (const p of c.experts.policies.filter((x) => x.regime === r.name)) {
      const expert = policyExpert(p.name, p.policy);
      experts.push(expert);
      runs.push(run(expert));
    }
    regimes.push({ name: r.name, spec, actionScale: A, experts });
    recorded.push({ regime: r.name, experts: runs });
    const best = runs.reduce((b, e) => (mean(e.rollout.objective) < mean(b.rollout.objective) ? e : b));
    say(
      `experts ${r.name}: ${runs.length} experts on ${paths} paths; best ${best.name} objective ${mean(best.rollout.objective).toFixed(2)} bps`,
    );
  }
  const demos = buildDemonstrations(recorded, c.demonstrations.labels, c.demonstrations.temperatureBps);
  say(`demonstrations: ${demos.count} (observation, action) pairs, ${c.demonstrations.labels} labels`);
  const f = c.flow;
  const logEvery = Math.max(1, Math.floor(f.iterations / 20));
  const { net, losses } = await trainFlow(
    engine,
    demos,
    f,
    (step, loss) => say(`flow ${step}/${f.iterations}  loss ${loss.toFixed(5)}`),
    logEvery,
  );
  const createdAt = o.createdAt ?? new Date().toISOString();
  const imitation = flowPolicyFileOf(c, net, losses, logEvery, demos.count, createdAt, specs[0]!);
  let refineRounds: RefineRound[] = [];
  if (c.refine.rounds > 0) {
    refineRounds = await refineFlow(engine, net, demos, regimes, f, c.refine, say);
  }
  const trainingSeconds = (performance.now() - started) / 1000;
  const policy =
    refineRounds.length > 0
      ? flowPolicyFileOf(c, net, losses, logEvery, demos.count, createdAt, specs[0]!, refineRounds)
      : imitation;
  return {
    policy,
    ...(refineRounds.length > 0 ? { imitationPolicy: imitation } : {}),
    refineRounds,
    net,
    regimes,
    scores: demos.scores,
    losses,
    demonstrationPairs: demos.count,
    trainingSeconds,
  };
}

function flowPolicyFileOf(
  c: FlowOeConfig,
  net: FlowNet,
  losses: number[],
  logEvery: number,
  pairs: number,
  createdAt: string,
  scales: EnvSpec,
  refineRounds: RefineRound[] = [],
): FlowPolicyFile {
  const s = net.scaling;
  const layers = net.mlp.exportDense().map((l) => ({ w: Array.from(l.w), b: Array.from(l.b) }));
  return {
    format: POLICY_FORMAT,
    version: POLICY_VERSION,
    type: 'flow',
    name: c.name,
    createdAt,
    network: {
      inputs: net.mlp.inputs,
      hidden: net.hidden,
      activation: 'relu',
      observation: [...OBSERVATION_NAMES],
      obsMean: Array.from(s.obsMean),
      obsStd: Array.from(s.obsStd),
      actionMean: s.actionMean,
      actionStd: s.actionStd,
      layers: layers as FlowPolicyFile['network']['layers'],
      actionScale: c.regimes[0]!.config.ppo.actionScale,
      eulerSteps: c.flow.eulerSteps,
      noise: c.evaluation.noise,
      observationScales: {
        priceMove: scales.obsPriceScale,
        variance: scales.obsVarianceScale,
        transient: scales.obsTransientScale,
      },
    },
    trainedFor: {
      regimes: c.regimes.map((r) => ({
        name: r.name,
        market: r.config.market,
        order: r.config.order,
        objective: r.config.objective,
      })),
    },
    training: {
      algorithm: 'flow-matching',
      experts: { ...c.experts, policies: c.experts.policies.map((p) => ({ regime: p.regime, name: p.name })) },
      demonstrations: c.demonstrations,
      flow: c.flow,
      pairs,
      finalLoss: losses.at(-1),
      lossHistory: lossHistory(losses, c.flow.iterations, logEvery),
      ...(refineRounds.length > 0
        ? {
            refine: c.refine,
            refineFinalLoss: refineRounds.at(-1)!.losses.at(-1),
          }
        : {}),
    },
  };
}

/** The flow policy as env fractions: K Euler steps from a_0 (0, or Philox noise of (seed; path; stream 12)). */
export function flowPolicy(
  engine: Engine,
  net: FlowNet,
  eulerSteps: number,
  actionScale: number,
  steps: number,
  noise: { seed: number } | undefined,
): FractionPolicy {
  const shift = actionShift(actionScale),
    key = noise ? seedWords(noise.seed) : undefined;
  let z: Float32Array | undefined,
    zFirst = -1,
    ptr = 0;
  return (env, k, obs, firstPath) => {
    const B = env.envs;
    let a0: Float32Array | undefined;
    if (key) {
      if (zFirst !== firstPath) {
        z = new Float32Array(B * steps);
        ptr ||= engine.alloc(steps * 8);
        for (let b = 0; b < B; b++) {
          engine.exports.normalBlock(firstPath + b, FLOW_NOISE_STREAM, key.lo, key.hi, steps, ptr);
          const draws = engine.f64(ptr, steps);
          for (let t = 0; t < steps; t++) z[t * B + b] = draws[t]!;
        }
        zFirst = firstPath;
      }
      a0 = z!.subarray(k * B, (k + 1) * B);
    }
    const u = net.sample(obs, eulerSteps, a0);
    return Float64Array.from(u, (v) => actionFraction(v, actionScale, shift, steps - k));
  };
}

export interface TableRow {
  policy: string;
  objective: SampleSummary;
  meanIsBps: number;
  stdIsBps: number;
  completion: number;
}

export interface RegimeTable {
  regime: string;
  rows: TableRow[];
  bestExpert: string;
  /** flow - best expert on common paths (negative: the flow is better), bps. */
  flowMinusBest: SampleSummary & { pValue: number };
  /** The ablation: refined - pure imitation flow on common paths (bps; negative: refining helps), when refined. */
  refinedMinusImitation?: SampleSummary & { pValue: number };
  beatsEveryExpert: boolean;
  minCompletion: number;
}

function row(name: string, r: Rollout): TableRow {
  const is = summarise(r.costBps);
  let m2 = 0;
  for (const v of r.costBps) m2 += (v - is.mean) ** 2;
  return {
    policy: name,
    objective: summarise(r.objective),
    meanIsBps: is.mean,
    stdIsBps: Math.sqrt(m2 / (r.costBps.length - 1)),
    completion: mean(r.completion),
  };
}

/**
 * Every regime's table: TWAP, VWAP, the best AC of the grid (chosen on the demonstration paths), adaptive AC and the
 * flow on the same evaluation paths; the flow "beats every expert" when the paired 95% CI of flow - expert lies below 0
 * for each of them.
 */
export function judgeFlowOe(c: FlowOeConfig, engine: Engine, t: FlowOeTrained, o: Progress = {}): RegimeTable[] {
  const { paths, seed } = c.evaluation;
  return t.regimes.map((r) => {
    const scores = t.scores.filter((s) => s.regime === r.name);
    const acs = scores.filter((s) => s.expert.startsWith('ac-'));
    const bestAc = acs.reduce((b, s) => (s.objective < b.objective ? s : b)).expert;
    const judged = r.experts.filter(
      (e) => e.name === 'twap' || e.name === 'vwap' || e.name === bestAc || e.kind !== 'schedule',
    );
    const runs = judged.map((e) => ({
      name: e.name,
      r: engineRollout(engine, r.spec, expertRef(e), paths, seed),
    }));
    // the flows run in the engine, as `flowexec evaluate` runs a flow policy file (noise as the file says)
    const scales = {
      priceMove: r.spec.obsPriceScale,
      variance: r.spec.obsVarianceScale,
      transient: r.spec.obsTransientScale,
    };
    const flow = engineRollout(engine, r.spec, policyRef(t.policy, scales), paths, seed);
    const imitation = t.imitationPolicy
      ? engineRollout(engine, r.spec, policyRef(t.imitationPolicy, scales), paths, seed)
      : undefined;
    const best = runs.reduce((b, e) => (mean(e.r.objective) < mean(b.r.objective) ? e : b));
    const flowMinusBest = pairedSummary(flow.objective, best.r.objective);
    const beatsEveryExpert = runs.every((e) => pairedSummary(flow.objective, e.r.objective).ci95[1] < 0);
    const table = {
      regime: r.name,
      rows: [
        ...runs.map((e) => row(e.name, e.r)),
        ...(imitation ? [row('flowoe-imitation', imitation)] : []),
        row('flowoe', flow),
      ],
      bestExpert: best.name,
      flowMinusBest,
      ...(imitation ? { refinedMinusImitation: pairedSummary(flow.objective, imitation.objective) } : {}),
      beatsEveryExpert,
      minCompletion: flow.completion.reduce((m, v) => Math.min(m, v), 1),
    };
    o.onProgress?.(
      `judged ${r.name}: flow ${mean(flow.objective).toFixed(2)}${imitation ? ` (imitation ${mean(imitation.objective).toFixed(2)})` : ''} vs best expert ${best.name} ${mean(best.r.objective).toFixed(2)} bps on ${paths} paths`,
    );
    return table;
  });
}
