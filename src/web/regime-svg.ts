// The regime map as SVG: a calendar of windows (daily bars: a row per year, a column per week; intraday bars: a row
// per day, a column per window of the session) coloured by HH/HL/LH/LL or by the 3x3 volatility x liquidity cell,
// and the 3x3 grid of window counts. Strings, like the other SVG charts.
import type { RegimeMap, RegimeMapWindow } from '../market/regime/regime-map.js';
import { escapeHtml, open, type Frame } from './svg.js';

export const LABEL_COLORS: Record<string, string> = { HH: '#b2182b', HL: '#ef8a62', LH: '#67a9cf', LL: '#2166ac' };
export const LABEL_MEANINGS: Record<string, string> = {
  HH: 'high volatility, high vol-of-vol',
  HL: 'high volatility, low vol-of-vol',
  LH: 'low volatility, high vol-of-vol',
  LL: 'low volatility, low vol-of-vol',
};
const LEVELS = ['low', 'mid', 'high'];
/** A bivariate palette: rows volatility (low -> high), columns liquidity (low -> high). */
export const GRID_COLORS = [
  ['#d9d9d9', '#a6cee3', '#1f78b4'],
  ['#fdbf6f', '#b2a08a', '#6a7fa8'],
  ['#e31a1c', '#b15928', '#6a3d9a'],
];

export type ColorBy = 'label' | 'grid';

function colorOf(w: RegimeMapWindow, by: ColorBy): string {
  return by === 'label' ? LABEL_COLORS[w.label]! : GRID_COLORS[w.vol]![w.liquidity]!;
}

/** Day of the year (0-based) of a YYYY-MM-DD date. */
function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000);
}

export function regimeCalendarSvg(map: RegimeMap, by: ColorBy, width = 640): string {
  const rowOf = (w: RegimeMapWindow) => (map.daily ? w.start.slice(0, 4) : w.start.slice(0, 10));
  const rows = [...new Set(map.windows.map(rowOf))].sort();
  const times = map.daily ? [] : [...new Set(map.windows.map((w) => w.start.slice(11, 16)))].sort();
  const columns = map.daily ? 53 : times.length;
  const colOf = (w: RegimeMapWindow) =>
    map.daily ? Math.min(52, Math.floor(dayOfYear(w.start) / 7)) : times.indexOf(w.start.slice(11, 16));
  const left = map.daily ? 40 : 84;
  const cell = Math.max(4, Math.min(28, (width - left - 10) / columns));
  const rowHeight = Math.max(8, Math.min(22, cell));
  const f: Frame = { width, height: 26 + rows.length * rowHeight + 20, left, right: 10, top: 22, bottom: 20 };
  const head = map.daily
    ? ['Jan', 'Apr', 'Jul', 'Oct']
        .map((m, i) => `<text x="${left + (i * 13 + 0.5) * cell}" y="14">${m}</text>`)
        .join('')
    : times
        .map((t, i) =>
          i % Math.max(1, Math.ceil(40 / cell)) === 0 ? `<text x="${left + i * cell}" y="14">${t}</text>` : '',
        )
        .join('');
  const labels = rows
    .map(
      (r, i) =>
        `<text x="${left - 6}" y="${f.top + i * rowHeight + rowHeight * 0.75}" text-anchor="end">${escapeHtml(r)}</text>`,
    )
    .join('');
  const cells = map.windows
    .map((w) => {
      const x = left + colOf(w) * cell,
        yy = f.top + rows.indexOf(rowOf(w)) * rowHeight;
      return `<rect x="${x.toFixed(1)}" y="${yy}" width="${Math.max(1, cell - 1).toFixed(1)}" height="${rowHeight - 1}" fill="${colorOf(w, by)}" data-label="${w.label}" data-grid="${w.grid}"><title>${escapeHtml(`${w.start}: ${w.label} (${LABEL_MEANINGS[w.label]}), ${w.grid}, realised vol ${(100 * w.realisedVol).toFixed(1)}%`)}</title></rect>`;
    })
    .join('');
  const title = `regime calendar of ${map.symbol}: one cell per window of ${map.window}, coloured by ${by === 'label' ? 'HH/HL/LH/LL' : 'volatility x liquidity'}`;
  return `${open(f, title)}${head}${labels}${cells}</svg>`;
}

/** The 3x3 grid: window counts per (volatility tercile, liquidity tercile), the current window's cell outlined. */
export function regimeGridSvg(map: RegimeMap, width = 360): string {
  const size = Math.min(90, (width - 110) / 3);
  const f: Frame = { width, height: 3 * size + 70, left: 90, right: 10, top: 10, bottom: 50 };
  const total = map.windows.length || 1;
  const current = map.current ? map.windows[map.windows.length - 1] : undefined;
  let body = '';
  for (let v = 0; v < 3; v++) {
    const y = f.top + (2 - v) * size;
    body += `<text x="${f.left - 8}" y="${y + size / 2 + 4}" text-anchor="end">vol ${LEVELS[v]}</text>`;
    for (let l = 0; l < 3; l++) {
      const n = map.grid[v]?.[l] ?? 0;
      const x = f.left + l * size;
      const outline = current && current.vol === v && current.liquidity === l ? ' stroke="#000" stroke-width="3"' : '';
      body +=
        `<rect x="${x}" y="${y}" width="${size - 2}" height="${size - 2}" fill="${GRID_COLORS[v]![l]}" fill-opacity="${(0.25 + (0.75 * n) / total).toFixed(3)}"${outline} data-count="${n}"><title>vol-${LEVELS[v]}/liq-${LEVELS[l]}: ${n} windows</title></rect>` +
        `<text x="${x + size / 2 - 1}" y="${y + size / 2 + 4}" text-anchor="middle">${n}</text>`;
    }
  }
  for (let l = 0; l < 3; l++)
    body += `<text x="${f.left + l * size + size / 2}" y="${f.top + 3 * size + 16}" text-anchor="middle">liq ${LEVELS[l]}</text>`;
  body += `<text x="${f.left + 1.5 * size}" y="${f.top + 3 * size + 36}" text-anchor="middle" class="label">windows per volatility x liquidity cell${current ? ' (outlined: the latest)' : ''}</text>`;
  return `${open(f, `volatility x liquidity grid of ${map.symbol}`)}${body}</svg>`;
}

/** The legend of a colouring, as HTML. */
export function regimeLegend(map: RegimeMap, by: ColorBy): string {
  const items =
    by === 'label'
      ? Object.keys(LABEL_COLORS).map(
          (l) =>
            `<span><span class="swatch" style="background:${LABEL_COLORS[l]}"></span>${l} ${LABEL_MEANINGS[l]} (${map.counts[l as keyof typeof map.counts] ?? 0})</span>`,
        )
      : GRID_COLORS.flatMap((row, v) =>
          row.map(
            (c, l) =>
              `<span><span class="swatch" style="background:${c}"></span>vol-${LEVELS[v]}/liq-${LEVELS[l]}</span>`,
          ),
        );
  return `<div class="legend">${items.join('')}</div>`;
}
