// A saved training run as the dashboard draws it: what a policy file's training block holds (PPO's per-iteration
// history, flow matching's loss curve) as curves, plus the wall-clock log kept beside a PPO policy (env-steps/s).
import { z } from 'zod';

export const curveSchema = z.object({
  label: z.string(),
  unit: z.string(),
  values: z.array(z.number().nullable()),
});

export const trainingRunSummarySchema = z.object({
  file: z.string(),
  name: z.string(),
  algorithm: z.enum(['ppo', 'flow-matching']),
  createdAt: z.string(),
  iterations: z.number().int(),
  /** PPO: environment steps simulated; flow matching: demonstration pairs. */
  envSteps: z.number().int().nullable(),
  /** The last point of the main curve (PPO: mean cost, bps; flow matching: loss). */
  final: z.number().nullable(),
  hasHistory: z.boolean(),
});

export const trainingRunSchema = trainingRunSummarySchema.extend({
  /** The x axis: PPO iterations, or flow matching's optimiser steps. */
  x: z.object({ label: z.string(), values: z.array(z.number()) }),
  /** Curves by key (meanReturnBps, meanCostBps, policyLoss, valueLoss, entropy, approxKl, completion, envStepsPerSec; loss). */
  curves: z.record(z.string(), curveSchema),
});

export const trainingRunListSchema = z.object({
  directory: z.string().nullable(),
  items: z.array(trainingRunSummarySchema),
});

export type TrainingRunSummary = z.infer<typeof trainingRunSummarySchema>;
export type TrainingRun = z.infer<typeof trainingRunSchema>;

const PPO_CURVES: Array<[string, string, string, (h: Record<string, number[]>, i: number) => number | undefined]> = [
  ['meanReturnBps', 'mean episode return (minus the objective)', 'bps', (h, i) => -h.objective![i]!],
  ['meanCostBps', 'mean implementation shortfall', 'bps', (h, i) => h.meanCostBps?.[i]],
  ['policyLoss', 'policy loss', '', (h, i) => h.policyLoss?.[i]],
  ['valueLoss', 'value loss', '', (h, i) => h.valueLoss?.[i]],
  ['entropy', 'entropy', 'nats', (h, i) => h.entropy?.[i]],
  ['approxKl', 'approximate KL', '', (h, i) => h.approxKl?.[i]],
  ['completion', 'completion', 'fraction', (h, i) => h.completion?.[i]],
];

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);

/** Steps/s by iteration from a log of JSON lines ({"iteration", "stepsPerSec", ...}); damaged lines are skipped. */
function stepsPerSecond(log: string | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of (log ?? '').split('\n')) {
    try {
      const l = JSON.parse(line) as { iteration?: unknown; stepsPerSec?: unknown };
      if (typeof l.iteration === 'number' && typeof l.stepsPerSec === 'number') out.set(l.iteration, l.stepsPerSec);
    } catch {
      // not a log line
    }
  }
  return out;
}

/** The training run of a policy file's text, or undefined when the text is not a flowexec policy file. */
export function trainingRunOf(file: string, text: string, log?: string): TrainingRun | undefined {
  let p: Record<string, any>;
  try {
    p = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!p || typeof p !== 'object' || p.format !== 'flowexec-policy' || !p.training || typeof p.training !== 'object')
    return undefined;
  const t = p.training as Record<string, any>;
  const base = {
    file,
    name: typeof p.name === 'string' ? p.name : file.replace(/\.json$/, ''),
    createdAt: typeof p.createdAt === 'string' ? p.createdAt : '',
  };
  if (p.type === 'flow' || t.algorithm === 'flow-matching') {
    const h = t.lossHistory ?? {};
    const ok = numbers(h.step) && numbers(h.loss) && h.step.length === h.loss.length;
    const iterations = typeof t.flow?.iterations === 'number' ? t.flow.iterations : ok ? (h.step.at(-1) ?? 0) : 0;
    return {
      ...base,
      algorithm: 'flow-matching',
      iterations,
      envSteps: typeof t.pairs === 'number' ? t.pairs : null,
      final: finite(typeof t.finalLoss === 'number' ? t.finalLoss : undefined),
      hasHistory: ok,
      x: { label: 'optimiser step', values: ok ? h.step : [] },
      curves: ok
        ? { loss: { label: 'flow-matching loss', unit: '', values: h.loss.map((v: number) => finite(v)) } }
        : {},
    };
  }
  const h = (t.history ?? {}) as Record<string, number[]>;
  const iterations = numbers(h.iteration) ? h.iteration : [];
  const ok = iterations.length > 0 && numbers(h.objective) && iterations.length === h.objective.length;
  const n = ok ? iterations.length : 0;
  const curves: TrainingRun['curves'] = {};
  if (ok) {
    for (const [key, label, unit, at] of PPO_CURVES) {
      const values = Array.from({ length: n }, (_, i) => finite(at(h, i)));
      if (values.some((v) => v !== null)) curves[key] = { label, unit, values };
    }
    const speed = stepsPerSecond(log);
    if (speed.size > 0)
      curves.envStepsPerSec = {
        label: 'environment steps per second (wall clock, from the log beside the file)',
        unit: 'steps/s',
        values: iterations.map((i) => finite(speed.get(i))),
      };
  }
  const final = t.final && typeof t.final === 'object' ? (t.final as Record<string, unknown>) : {};
  return {
    ...base,
    algorithm: 'ppo',
    iterations: typeof t.iterations === 'number' ? t.iterations : n,
    envSteps: typeof t.envSteps === 'number' ? t.envSteps : null,
    final: finite(typeof final.meanCostBps === 'number' ? final.meanCostBps : undefined),
    hasHistory: ok,
    x: { label: 'iteration', values: ok ? iterations : [] },
    curves,
  };
}

export function summaryOf(run: TrainingRun): TrainingRunSummary {
  const { x: _x, curves: _c, ...summary } = run;
  return summary;
}
