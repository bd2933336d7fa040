// flowexec calibrate DATA.csv: Heston, volume, spread and impact from bars, with CIs; writes a market config section.
import { CALIBRATE_USAGE } from './usage-data.js';
import { InputError } from '../errors/input-error.js';
import { parseCommand, integerOption } from './args.js';
import { outputTarget, writeAtomically } from './files.js';
import { openBarFile, DATA_OPTIONS } from './data-file.js';
import { formatQuality } from '../data/quality.js';
import { calibrateMarket, type CalibrationResult, type Interval } from '../market/calibration/calibrate.js';
import { marketSchema } from '../eval/config.js';
import { parseWith } from '../errors/zod-errors.js';

const g = (x: number, d = 4) => (Number.isFinite(x) ? Number(x.toPrecision(d)).toString() : String(x));
const ci = (i: Interval, d = 4) =>
  `${g(i.estimate, d).padStart(10)}   [${g(i.low, d)}, ${g(i.high, d)}]${i.atBound ? '  (at bound)' : ''}`;

export function formatCalibration(r: CalibrationResult): string {
  const p = r.parameters;
  const lines = [
    `calibration of ${r.symbol}: ${r.days} days, ${r.windows} realised-variance windows of ${r.windowLength}; 95% block-bootstrap CIs (${r.bootstrap.replications} draws)`,
    '',
    `  parameter              estimate   95% CI`,
    `  v0 (variance now)    ${ci(p.v0)}`,
    `  kappa (1/year)       ${ci(p.kappa)}`,
    `  theta (variance)     ${ci(p.theta)}`,
    `  xi (vol of var)      ${ci(p.xi)}`,
    `  rho                  ${ci(p.rho, 3)}`,
    `  volatility (annual)  ${ci(r.volatility.annualised)}`,
    `  sigma_d (daily)      ${ci(r.volatility.dailySigma)}`,
    `  daily volume         ${ci(r.dailyVolume, 5)}`,
    `  spread (bps, ${r.spread.source.padEnd(6)}) ${ci(r.spread.spreadBps, 3)}`,
    '',
    `  Feller 2 kappa theta = ${g(r.feller.twoKappaTheta)} ${r.feller.holds ? '>=' : '<'} xi^2 = ${g(r.feller.xiSquared)} (${r.feller.holds ? 'holds' : 'fails: the QE scheme handles it'})`,
    r.volumeCurve.uShape
      ? `  volume curve: u-shape open ${g(r.volumeCurve.uShape.open, 3)}, close ${g(r.volumeCurve.uShape.close, 3)}, decay ${g(r.volumeCurve.uShape.decay, 3)} of the day (rms error ${g(100 * r.volumeCurve.uShape.rmsError, 2)}% per ${r.volumeCurve.bucketMinutes}-min bucket)`
      : '  volume curve: flat (no regular session)',
    r.volatilityCurve.uShape
      ? `  variance curve: u-shape open ${g(r.volatilityCurve.uShape.open, 3)}, close ${g(r.volatilityCurve.uShape.close, 3)}, decay ${g(r.volatilityCurve.uShape.decay, 3)} (first ${r.volatilityCurve.bucketMinutes} min ${g(r.volatilityCurve.fractions[0]! * r.volatilityCurve.fractions.length, 3)}x the average; scheme euler)`
      : '  variance curve: flat (no regular session, or a bucket without returns)',
    `  impact: temporary eta = Y sigma_d = ${g(r.impact.temporaryEta)} (beta 0.5, Y = ${r.impact.squareRootY}), permanent gamma = ${g(r.impact.permanentGamma)}, half spread ${g(r.market.impact.spread.halfSpreadBps, 3)} bp`,
  ];
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

export async function calibrateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...DATA_OPTIONS,
      window: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  );
  if (values.help) {
    console.log(`usage: ${CALIBRATE_USAGE}`);
    return;
  }
  if (positionals.length === 0) throw new InputError(`missing DATA.csv (usage: ${CALIBRATE_USAGE})`);
  const target = outputTarget(values.out, 'out', ['json'] as const);
  const window = integerOption(values, 'window', 1, 100_000);
  const bootstrap = integerOption(values, 'bootstrap', 10, 100_000);
  const seed = integerOption(values, 'seed', 0, 2 ** 32 - 1);
  const data = await openBarFile(positionals[0]!, values);
  const result = calibrateMarket(data.series, {
    session: data.session,
    window,
    spreadBps: data.spreadBps,
    bootstrap,
    seed,
  });
  parseWith(marketSchema, result.market, 'market'); // what -o writes is exactly what `flowexec evaluate` accepts
  if (target) writeAtomically(target.path, JSON.stringify(result.market, null, 2) + '\n');
  if (values.json) {
    console.log(JSON.stringify({ dataQuality: data.quality, ...result }));
    return;
  }
  console.log(formatQuality(data.quality));
  console.log(formatCalibration(result));
  if (target) console.log(`\nmarket section written to ${target.path} (use it as "market" in an evaluate config)`);
}
