// Small SVG charts as strings (dot-and-whisker, diverging stacked bars, scatter with a line): the tables-as-pictures
// that uPlot's line charts do not cover. Strings, so the same code draws in the dashboard and in a report.

export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** About `count` round tick values covering [lo, hi] (1, 2, 5 x 10^k steps). */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A row label cut to the room it has (about 6.5 px a character at 11 px), the full text kept in its tooltip. */
export function fitLabel(label: string, room: number): string {
  const chars = Math.max(4, Math.floor((room - 12) / 6.5));
  const text = label.length <= chars ? label : `${label.slice(0, chars - 1)}\u2026`;
  return `${escapeHtml(text)}<title>${escapeHtml(label)}</title>`;
}

export const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : Number(x.toPrecision(4)).toString());

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function axisX(f: Frame, lo: number, hi: number, label: string): { x: (v: number) => number; svg: string } {
  const x = (v: number) => f.left + ((v - lo) / (hi - lo || 1)) * (f.width - f.left - f.right);
  const y0 = f.height - f.bottom;
  const parts = ticks(lo, hi).map(
    (t) =>
      `<line x1="${x(t)}" x2="${x(t)}" y1="${f.top}" y2="${y0}" class="grid"/><text x="${x(t)}" y="${y0 + 14}" text-anchor="middle">${fmt(t)}</text>`,
  );
  parts.push(
    `<text x="${(f.left + f.width - f.right) / 2}" y="${f.height - 4}" text-anchor="middle" class="label">${escapeHtml(label)}</text>`,
  );
  return { x, svg: parts.join('') };
}

export function open(f: Frame, title: string): string {
  return `<svg viewBox="0 0 ${f.width} ${f.height}" width="100%" role="img" aria-label="${escapeHtml(title)}" class="chart-svg"><title>${escapeHtml(title)}</title>`;
}

export interface IntervalRow {
  label: string;
  value: number;
  lo: number;
  hi: number;
  color?: string;
}

/** One row per item: a dot at `value` and a whisker from lo to hi, with a reference line at `reference`. */
export function dotWhisker(
  rows: IntervalRow[],
  title: string,
  xLabel: string,
  reference?: number,
  width = 640,
): string {
  const labelWidth = Math.min(220, 0.4 * width, 12 + 7 * Math.max(...rows.map((r) => r.label.length), 4));
  const f: Frame = { width, height: 40 + 26 * rows.length, left: labelWidth, right: 16, top: 8, bottom: 34 };
  let lo = Math.min(...rows.map((r) => r.lo), reference ?? Infinity),
    hi = Math.max(...rows.map((r) => r.hi), reference ?? -Infinity);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
  lo -= pad;
  hi += pad;
  const ax = axisX(f, lo, hi, xLabel);
  const body = rows
    .map((r, i) => {
      const y = f.top + 13 + 26 * i;
      const c = r.color ?? PALETTE[i % PALETTE.length];
      return (
        `<g class="row" data-value="${r.value}"><text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end">${fitLabel(r.label, labelWidth)}</text>` +
        `<line x1="${ax.x(r.lo)}" x2="${ax.x(r.hi)}" y1="${y}" y2="${y}" stroke="${c}" stroke-width="2"/>` +
        `<line x1="${ax.x(r.lo)}" x2="${ax.x(r.lo)}" y1="${y - 5}" y2="${y + 5}" stroke="${c}"/><line x1="${ax.x(r.hi)}" x2="${ax.x(r.hi)}" y1="${y - 5}" y2="${y + 5}" stroke="${c}"/>` +
        `<circle cx="${ax.x(r.value)}" cy="${y}" r="4" fill="${c}"><title>${escapeHtml(`${r.label}: ${fmt(r.value)} [${fmt(r.lo)}, ${fmt(r.hi)}]`)}</title></circle></g>`
      );
    })
    .join('');
  const ref =
    reference !== undefined
      ? `<line x1="${ax.x(reference)}" x2="${ax.x(reference)}" y1="${f.top}" y2="${f.height - f.bottom}" class="reference"/>`
      : '';
  return `${open(f, title)}${ax.svg}${ref}${body}</svg>`;
}

export interface StackedBar {
  label: string;
  parts: Array<{ name: string; value: number }>;
}

/** Horizontal bars, parts stacked right from zero when positive and left when negative (costs and gains). */
export function divergingStackedBars(
  bars: StackedBar[],
  partNames: string[],
  title: string,
  xLabel: string,
  width = 640,
): string {
  const labelWidth = Math.min(220, 0.4 * width, 12 + 7 * Math.max(...bars.map((b) => b.label.length), 4));
  const legendRows = Math.ceil(partNames.length / Math.max(1, Math.floor((width - 16) / 92)));
  const f: Frame = {
    width,
    height: 56 + 16 * legendRows + 28 * bars.length,
    left: labelWidth,
    right: 16,
    top: 8,
    bottom: 34 + 16 * legendRows,
  };
  let lo = 0,
    hi = 0;
  for (const b of bars) {
    lo = Math.min(
      lo,
      b.parts.reduce((s, p) => s + Math.min(p.value, 0), 0),
    );
    hi = Math.max(
      hi,
      b.parts.reduce((s, p) => s + Math.max(p.value, 0), 0),
    );
  }
  const ax = axisX({ ...f, bottom: f.bottom - 16 * legendRows }, lo, hi, xLabel);
  const body = bars
    .map((b, i) => {
      const y = f.top + 4 + 28 * i;
      let up = 0,
        down = 0;
      const rects = b.parts
        .map((p) => {
          const c = PALETTE[partNames.indexOf(p.name) % PALETTE.length];
          const from = p.value >= 0 ? up : down + p.value;
          if (p.value >= 0) up += p.value;
          else down += p.value;
          const x0 = ax.x(from),
            x1 = ax.x(from + Math.abs(p.value));
          return `<rect x="${x0}" y="${y}" width="${Math.max(x1 - x0, 0)}" height="20" fill="${c}" data-part="${escapeHtml(p.name)}" data-value="${p.value}"><title>${escapeHtml(`${b.label} ${p.name}: ${fmt(p.value)}`)}</title></rect>`;
        })
        .join('');
      return `<g class="row"><text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${fitLabel(b.label, labelWidth)}</text>${rects}</g>`;
    })
    .join('');
  const perRow = Math.ceil(partNames.length / legendRows);
  const legend = partNames
    .map((name, k) => {
      const x = 8 + 92 * (k % perRow),
        y = f.height - 16 * (legendRows - Math.floor(k / perRow));
      return `<rect x="${x}" y="${y}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/><text x="${x + 14}" y="${y + 9}">${escapeHtml(name)}</text>`;
    })
    .join('');
  return `${open(f, title)}${ax.svg}<line x1="${ax.x(0)}" x2="${ax.x(0)}" y1="${f.top}" y2="${f.height - f.bottom + 16 * legendRows}" class="reference"/>${body}${legend}</svg>`;
}

export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
  color?: string;
}

/** A curve (the frontier, drawn through its points in order) and labelled points placed against it. */
export function curveWithPoints(
  curve: Array<{ x: number; y: number; label?: string }>,
  points: ScatterPoint[],
  title: string,
  xLabel: string,
  yLabel: string,
  width = 640,
): string {
  const f: Frame = { width, height: Math.round(Math.min(360, 0.62 * width)), left: 60, right: 16, top: 10, bottom: 40 };
  const all = [...curve, ...points];
  let xlo = Math.min(...all.map((p) => p.x)),
    xhi = Math.max(...all.map((p) => p.x));
  let ylo = Math.min(...all.map((p) => p.y)),
    yhi = Math.max(...all.map((p) => p.y));
  const px = (xhi - xlo) * 0.08 || 1,
    py = (yhi - ylo) * 0.08 || 1;
  xlo -= px;
  xhi += px;
  ylo -= py;
  yhi += py;
  const ax = axisX(f, xlo, xhi, xLabel);
  const y = (v: number) => f.height - f.bottom - ((v - ylo) / (yhi - ylo || 1)) * (f.height - f.top - f.bottom);
  const yTicks = ticks(ylo, yhi)
    .map(
      (t) =>
        `<line x1="${f.left}" x2="${f.width - f.right}" y1="${y(t)}" y2="${y(t)}" class="grid"/><text x="${f.left - 6}" y="${y(t) + 4}" text-anchor="end">${fmt(t)}</text>`,
    )
    .join('');
  const yAxis = `<text transform="translate(12 ${(f.top + f.height - f.bottom) / 2}) rotate(-90)" text-anchor="middle" class="label">${escapeHtml(yLabel)}</text>`;
  const line =
    curve.length > 1
      ? `<polyline fill="none" stroke="#555" stroke-width="1.5" stroke-dasharray="5 3" points="${curve.map((p) => `${ax.x(p.x)},${y(p.y)}`).join(' ')}"/>`
      : '';
  const curveDots = curve
    .map(
      (p) =>
        `<circle cx="${ax.x(p.x)}" cy="${y(p.y)}" r="2.5" fill="#555"><title>${escapeHtml(p.label ?? '')}</title></circle>`,
    )
    .join('');
  const dots = points
    .map((p, i) => {
      const c = p.color ?? PALETTE[i % PALETTE.length];
      return `<g class="point" data-x="${p.x}" data-y="${p.y}"><circle cx="${ax.x(p.x)}" cy="${y(p.y)}" r="5" fill="${c}"/><text x="${ax.x(p.x) + 7}" y="${y(p.y) - 6}">${escapeHtml(p.label)}</text></g>`;
    })
    .join('');
  return `${open(f, title)}${ax.svg}${yTicks}${yAxis}${line}${curveDots}${dots}</svg>`;
}
