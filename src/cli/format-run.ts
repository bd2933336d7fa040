// Human-readable output of a workload run.
import type { WorkloadRunResult } from '../eval/run-workload.js';

const SCHEME_NAMES: Record<string, string> = {
  euler: 'full-truncation Euler',
  qe: 'Andersen QE (martingale-corrected)',
};

function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

export function formatRun(r: WorkloadRunResult, exactPrice?: number): string {
  const digits = r.unit === 'bps' ? 4 : 5;
  const unit = r.unit === 'bps' ? ' bps' : '';
  const lines = [
    `${r.workload}: ${SCHEME_NAMES[r.scheme]}, ${r.paths.toLocaleString('en-US')} paths x ${r.steps} steps, seed ${r.seed}, ${r.threads} thread${r.threads > 1 ? 's' : ''}`,
    `  ${r.kind === 'paths' ? 'call price     ' : 'mean IS        '} ${fixed(r.mean, digits)}${unit}  (SE ${fixed(r.stderr, digits)}, std ${fixed(r.std, 4)}, 95% CI [${fixed(r.ci95[0], digits)}, ${fixed(r.ci95[1], digits)}])`,
  ];
  if (r.kind === 'paths') {
    if (r.cvMean !== undefined)
      lines.push(
        `  control variate ${fixed(r.cvMean, digits)}  (SE ${fixed(r.cvStderr!, digits)}; control: discounted S_T)`,
      );
    if (exactPrice !== undefined) {
      lines.push(
        `  exact price     ${exactPrice.toFixed(12)}  (semi-analytic; the MC estimate also carries the scheme's discretisation bias)`,
      );
      lines.push(`  error / SE      ${fixed((r.mean - exactPrice) / r.stderr, 2)}`);
    }
  } else {
    if (r.oracleMean != null) {
      lines.push(
        `  exact E[IS]     ${r.oracleMean.toFixed(10)} bps  (closed form; (mean - exact) / SE = ${fixed((r.mean - r.oracleMean) / r.stderr, 2)})`,
      );
    }
    if (r.attribution) {
      const a = r.attribution;
      lines.push(
        `  attribution     timing ${fixed(a.timing.mean, 4)}, permanent ${fixed(a.permanent.mean, 4)}, temporary ${fixed(a.temporary.mean, 10)}, transient ${fixed(a.transient.mean, 10)} bps`,
      );
    }
    if (r.var95 !== undefined)
      lines.push(`  tail risk       VaR95 ${fixed(r.var95, 2)} bps, CVaR95 ${fixed(r.cvar95!, 2)} bps (histogram)`);
  }
  lines.push(
    `  throughput      ${(r.pathStepsPerSec / 1e6).toFixed(1)} M path-steps/s (${r.wallSeconds.toFixed(2)} s)`,
  );
  return lines.join('\n');
}
