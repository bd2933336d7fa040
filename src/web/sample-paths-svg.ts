// Sample executions as SVG: one path's unimpacted mid price on top and, below it, a lane per strategy with its child
// orders as bars (binned to the room there is; each lane on its own scale), on one time axis. Strings, for the dashboard and the report alike.
import type { SampleExecutions } from '../eval/sample-executions.js';
import { PALETTE, axisX, escapeHtml, fitLabel, fmt, open, ticks, type Frame } from './svg.js';

/** Bars per lane at most: finer steps are summed into this many bins. */
const MAX_BARS = 120;
const PRICE_HEIGHT = 130;
const LANE_HEIGHT = 24;

export function samplePathSvg(
  samples: SampleExecutions,
  path: number,
  strategies: Array<{ name: string; color?: string }>,
  width = 640,
): string {
  const lanes = strategies.filter((s) => samples.childShares[s.name]?.[path]);
  const labelWidth = Math.min(150, 0.3 * width, 12 + 7 * Math.max(...lanes.map((s) => s.name.length), 6));
  const top = 8,
    priceBottom = top + PRICE_HEIGHT,
    lanesTop = priceBottom + 8;
  const f: Frame = {
    width,
    height: lanesTop + LANE_HEIGHT * lanes.length + 40,
    left: labelWidth,
    right: 12,
    top,
    bottom: 34,
  };
  const minutes = samples.minutes;
  const horizon = minutes[minutes.length - 1]! || 1;
  const ax = axisX(f, 0, horizon, 'minutes after the start');
  const prices = samples.prices[path]!;
  let lo = Math.min(...prices),
    hi = Math.max(...prices);
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.001 || 1;
  lo -= pad;
  hi += pad;
  const y = (v: number) => priceBottom - ((v - lo) / (hi - lo)) * PRICE_HEIGHT;
  const every = Math.max(1, Math.ceil(prices.length / 480));
  const points = prices
    .filter((_, i) => i % every === 0 || i === prices.length - 1)
    .map((p, j, a) => {
      const i = j === a.length - 1 ? prices.length - 1 : j * every;
      return `${ax.x(minutes[i]!).toFixed(1)},${y(p).toFixed(1)}`;
    })
    .join(' ');
  const yTicks = ticks(lo, hi, 4)
    .map(
      (t) =>
        `<line x1="${f.left}" x2="${width - f.right}" y1="${y(t)}" y2="${y(t)}" class="grid"/><text x="${f.left - 6}" y="${y(t) + 4}" text-anchor="end">${fmt(t)}</text>`,
    )
    .join('');
  const price =
    `<g class="price">${yTicks}<text x="8" y="${top + 10}" class="label">mid price</text>` +
    `<polyline fill="none" stroke="#333" stroke-width="1.4" points="${points}" data-points="${prices.length}"/></g>`;

  // bins of steps: each lane sums its child orders into the same bins; bar heights share one scale
  const steps = minutes.length - 1;
  const bins = Math.min(steps, MAX_BARS);
  const binOf = (k: number) => Math.min(bins - 1, Math.floor((k * bins) / steps));
  const binned = lanes.map((s) => {
    const out = new Array<number>(bins).fill(0);
    samples.childShares[s.name]![path]!.forEach((n, k) => (out[binOf(k)]! += n));
    return out;
  });
  // each lane on its own scale: the shape of a schedule shows even beside one that sends far larger orders
  const maxOf = binned.map((b) => Math.max(...b, 1e-12));
  const binMinutes = horizon / bins;
  const barWidth = Math.max(0.8, ax.x(binMinutes) - ax.x(0) - 0.6);
  const body = lanes
    .map((s, i) => {
      const base = lanesTop + LANE_HEIGHT * (i + 1) - 4;
      const color = s.color ?? PALETTE[i % PALETTE.length];
      const total = binned[i]!.reduce((a, b) => a + b, 0);
      const bars = binned[i]!.map((n, b) => {
        if (!(n > 0)) return '';
        const h = Math.max(0.8, (n / maxOf[i]!) * (LANE_HEIGHT - 6));
        return `<rect x="${ax.x(b * binMinutes).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"/>`;
      }).join('');
      return (
        `<g class="lane" data-strategy="${escapeHtml(s.name)}" data-shares="${total}"><title>${escapeHtml(`${s.name}: ${Math.round(total).toLocaleString('en-US')} shares on this path, largest bar ${Math.round(maxOf[i]!).toLocaleString('en-US')} shares`)}</title>` +
        `<line x1="${f.left}" x2="${width - f.right}" y1="${base}" y2="${base}" class="grid"/>` +
        `<text x="${labelWidth - 8}" y="${base - 4}" text-anchor="end">${fitLabel(s.name, labelWidth)}</text>${bars}</g>`
      );
    })
    .join('');
  const title = `sample path ${path + 1}: mid price and child orders per strategy`;
  return `${open(f, title)}${ax.svg}${price}${body}</svg>`;
}
