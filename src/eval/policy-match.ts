// A trained policy against the config it is evaluated in: what differs from its `trainedFor` (market, order, risk
// aversion, completion rule), and the policy's risk aversion and completion rule where the config leaves them unset.
import type { EvaluationConfig } from './config.js';
import type { PolicyFile } from '../strategies/policy-file.js';

/** Leaf paths where a and b differ, "path: a in training, b here". */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b))
    out.push(`${path}: ${JSON.stringify(a) ?? 'unset'} in training, ${JSON.stringify(b) ?? 'unset'} here`);
}

/** What differs between the policy's training setting and this evaluation (empty: evaluated where it was trained). */
export function policyMismatches(config: EvaluationConfig, policy: PolicyFile): string[] {
  const regimes = (policy.trainedFor as { regimes?: unknown }).regimes;
  // a policy trained across regimes (FlowOE) matches where one of its regimes does: the closest regime's differences
  if (Array.isArray(regimes) && regimes.length > 0)
    return regimes
      .map((r) => settingMismatches(config, (r ?? {}) as Record<string, unknown>))
      .reduce((best, m) => (m.length < best.length ? m : best));
  return settingMismatches(config, policy.trainedFor as Record<string, unknown>);
}

function settingMismatches(config: EvaluationConfig, t: Record<string, unknown>): string[] {
  const out: string[] = [];
  differences(t.market, config.market, 'market', out);
  differences(t.order, config.order, 'order', out);
  if (t.riskAversion !== undefined && t.riskAversion !== config.evaluation.riskAversion) {
    out.push(`evaluation.riskAversion: ${t.riskAversion} in training, ${config.evaluation.riskAversion} here`);
  }
  if (t.completion !== undefined && t.completion !== config.evaluation.completion) {
    out.push(`evaluation.completion: "${t.completion}" in training, "${config.evaluation.completion}" here`);
  }
  return out;
}

/**
 * The policies' risk aversion and completion rule for the evaluation settings the raw config does not give (when all
 * of its policies agree); returns what was adopted, for a line in the output.
 */
export function adoptPolicyObjective(config: EvaluationConfig, raw: unknown, policies: Iterable<PolicyFile>): string[] {
  const given = (raw as { evaluation?: Record<string, unknown> } | undefined)?.evaluation ?? {};
  const list = [...policies].map((p) => p.trainedFor as Record<string, unknown>);
  if (list.length === 0) return [];
  const adopted: string[] = [];
  const agree = (key: string) =>
    list.every((t) => JSON.stringify(t[key]) === JSON.stringify(list[0]![key])) && list[0]![key] !== undefined;
  if (given.riskAversion === undefined && agree('riskAversion')) {
    config.evaluation.riskAversion = list[0]!.riskAversion as number;
    adopted.push(`riskAversion ${config.evaluation.riskAversion}`);
  }
  if (given.completion === undefined && agree('completion')) {
    config.evaluation.completion = list[0]!.completion as EvaluationConfig['evaluation']['completion'];
    if (config.evaluation.completion === 'penalty' && agree('penaltyBpsPerShare'))
      config.evaluation.penaltyBpsPerShare = list[0]!.penaltyBpsPerShare as number;
    if (config.evaluation.completion === 'penalty' && config.evaluation.penaltyBpsPerShare === undefined)
      config.evaluation.completion = 'cleanup';
    else adopted.push(`completion "${config.evaluation.completion}"`);
  }
  return adopted;
}
