// flowexec regime DATA.csv: HH/HL/LH/LL and 3x3 volatility x liquidity labels per window, the learned classifier's
// test accuracy; --follow labels bars read from stdin as they arrive.
import { REGIME_USAGE } from './usage-data.js';
import { InputError } from '../errors/input-error.js';
import { parseCommand, integerOption } from './args.js';
import { openBarFile, DATA_OPTIONS } from './data-file.js';
import { formatQuality } from '../data/quality.js';
import { detectRegimes, type RegimeReport } from '../market/regime/detect.js';
import { LEVELS } from '../market/regime/labels.js';
import { followRegimes } from './regime-follow.js';

const f = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toPrecision(d)).toString() : '-');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatRegimes(r: RegimeReport, show = 12): string {
  const lines = [
    `regimes of ${r.symbol}: ${r.windows.length} windows of ${r.window}; thresholds on the history: vol median ${f(r.thresholds.volMedian)}, vol-of-vol median ${f(r.thresholds.volOfVolMedian)}`,
  ];
  lines.push(
    `  HH ${r.counts.HH}   HL ${r.counts.HL}   LH ${r.counts.LH}   LL ${r.counts.LL}   (vol level x vol uncertainty)`,
  );
  lines.push('', '  windows (vol x liquidity)  liq-low  liq-mid  liq-high');
  for (let v = 2; v >= 0; v--)
    lines.push(`  vol-${LEVELS[v]!.padEnd(22)}${r.grid[v]!.map((n) => String(n).padStart(9)).join('')}`);
  lines.push(
    '',
    `  last ${Math.min(show, r.windows.length)} windows:`,
    '  start             label  grid                  vol    vol-of-vol  momentum(bp)  volume  spread(bp)',
  );
  for (const w of r.windows.slice(-show)) {
    const x = w.features;
    lines.push(
      `  ${w.start.padEnd(17)} ${w.label.padEnd(6)} ${w.grid.padEnd(20)} ${f(x.realisedVol).padStart(6)} ${f(x.volOfVol).padStart(11)} ${f(1e4 * x.momentum).padStart(13)} ${f(x.volume).padStart(7)} ${f(x.spreadBps).padStart(11)}`,
    );
  }
  if (r.current) lines.push('', `  current regime: ${r.current.label} (${r.current.grid}) since ${r.current.start}`);
  const c = r.classifier;
  if (c) {
    lines.push(
      '',
      `classifier (random forest + gradient-boosted trees, next window's label from this window's 9 features; time-ordered split ${c.trainWindows} train / ${c.testWindows} test windows):`,
    );
    lines.push(
      `  test accuracy: ensemble ${pct(c.accuracy.ensemble)}, forest ${pct(c.accuracy.forest)}, boosted ${pct(c.accuracy.boosted)}; baselines: persistence ${pct(c.accuracy.persistence)}, majority ${pct(c.accuracy.majority)}`,
    );
    lines.push(`  confusion (rows actual, columns predicted): ${c.classes.join(' ')}`);
    c.confusion.forEach((row, i) =>
      lines.push(`    ${c.classes[i]}  ${row.map((n) => String(n).padStart(4)).join('')}`),
    );
  } else {
    lines.push('', 'classifier: too few windows for a time-ordered train/test split (needs about 20)');
  }
  return lines.join('\n');
}

export async function regimeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      ...DATA_OPTIONS,
      window: { type: 'string' },
      follow: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    1,
  );
  if (values.help) {
    console.log(`usage: ${REGIME_USAGE}`);
    return;
  }
  const window = integerOption(values, 'window', 1, 100_000);
  if (values.follow) {
    if (positionals.length > 0) throw new InputError('--follow reads bars from stdin: give no DATA.csv');
    await followRegimes(process.stdin, {
      window,
      session: values.session,
      symbol: values.symbol,
      json: values.json === true,
    });
    return;
  }
  if (positionals.length === 0) throw new InputError(`missing DATA.csv (usage: ${REGIME_USAGE})`);
  const data = await openBarFile(positionals[0]!, values);
  const report = detectRegimes(data.series, data.session, { window, spreadBps: data.spreadBps });
  if (report.windows.length === 0)
    throw new InputError(`${positionals[0]}: no window has 3 or more bars (a shorter --window?)`, 'window');
  if (values.json) {
    console.log(JSON.stringify({ dataQuality: data.quality, ...report }));
    return;
  }
  console.log(formatQuality(data.quality));
  console.log(formatRegimes(report));
}
