// The dashboard's panels that read the server's saved state: training curves of saved policy runs (GET /v1/policies)
// and the regime map of market data (GET /v1/regimes/{id}, or POST /v1/regimes with an uploaded CSV).
import type { TrainingRun, TrainingRunSummary } from '../strategies/training-run.js';
import type { RegimeMap } from '../market/regime/regime-map.js';
import { figure, linePlot } from './charts.js';
import { PALETTE, escapeHtml } from './svg.js';
import { regimeCalendarSvg, regimeGridSvg, regimeLegend, type ColorBy } from './regime-svg.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Curves drawn together, by figure: keys of TrainingRun.curves. */
const TRAINING_FIGURES: Array<{ id: string; keys: string[]; y: string; caption: string }> = [
  {
    id: 'return',
    keys: ['meanReturnBps', 'meanCostBps'],
    y: 'bps',
    caption: 'Mean episode return (minus the objective) and mean implementation shortfall per iteration',
  },
  { id: 'loss', keys: ['loss'], y: 'loss', caption: 'Flow-matching loss (mean over each logged block of steps)' },
  { id: 'policy-loss', keys: ['policyLoss'], y: 'loss', caption: 'PPO clipped policy loss' },
  { id: 'value-loss', keys: ['valueLoss'], y: 'loss', caption: 'Value-function loss' },
  { id: 'entropy', keys: ['entropy'], y: 'entropy (nats)', caption: "Entropy of the policy's action distribution" },
  {
    id: 'speed',
    keys: ['envStepsPerSec'],
    y: 'env-steps/s',
    caption: 'Environment steps per second (wall clock, from the training log beside the file)',
  },
];

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** Training curves of one run into the training panel. */
export function drawTrainingRun(container: HTMLElement, run: TrainingRun): void {
  container.replaceChildren();
  for (const g of TRAINING_FIGURES) {
    const keys = g.keys.filter((k) => run.curves[k]);
    if (keys.length === 0) continue;
    linePlot(
      figure(container, `training-${g.id}`, `${g.caption} (${run.name}, ${run.algorithm})`),
      run.x.values,
      keys.map((k, i) => ({ label: run.curves[k]!.label, values: run.curves[k]!.values, color: PALETTE[i]! })),
      run.x.label,
      g.y,
      200,
    );
  }
}

export async function initTrainingPanel(): Promise<void> {
  const section = $('training'),
    select = $<HTMLSelectElement>('policy-run'),
    status = $('training-status'),
    charts = $('training-charts');
  const list = await getJson<{ directory: string | null; items: TrainingRunSummary[] }>('/v1/policies');
  section.hidden = false;
  if (list.items.length === 0) {
    status.textContent = list.directory
      ? `no saved policy in ${list.directory} (flowexec serve --policies DIR)`
      : 'this server has no policies folder';
    select.disabled = true;
    return;
  }
  for (const r of list.items)
    select.add(
      new Option(
        `${r.name} (${r.algorithm}, ${r.iterations} iterations${r.createdAt ? `, ${r.createdAt.slice(0, 10)}` : ''})`,
        r.file,
      ),
    );
  const show = async () => {
    status.textContent = 'loading...';
    try {
      const run = await getJson<TrainingRun>(`/v1/policies/${encodeURIComponent(select.value)}`);
      drawTrainingRun(charts, run);
      status.textContent = run.hasHistory
        ? `${run.file} in ${list.directory}`
        : `${run.file}: trained before histories were kept (final ${run.final ?? '-'} only)`;
      section.dataset.loaded = run.file;
    } catch (error) {
      status.textContent = `Could not load the run: ${(error as Error).message}`;
    }
  };
  select.addEventListener('change', () => void show());
  await show();
}

/** The regime map into the regime panel. */
export function drawRegimeMap(container: HTMLElement, map: RegimeMap, by: ColorBy): void {
  container.replaceChildren();
  const width = Math.round(Math.max(300, Math.min(900, container.clientWidth || 640)));
  const cal = figure(
    container,
    'regime-calendar',
    `Regime of each window of ${map.window} (${map.symbol}, ${map.source}); hover a cell for its figures`,
  );
  cal.innerHTML = regimeLegend(map, by) + regimeCalendarSvg(map, by, width);
  figure(container, 'regime-grid', 'Windows per cell of the 3x3 volatility x liquidity grid').innerHTML = regimeGridSvg(
    map,
    Math.min(width, 420),
  );
}

export async function initRegimePanel(): Promise<void> {
  const section = $('regimes'),
    select = $<HTMLSelectElement>('dataset'),
    colorBy = $<HTMLSelectElement>('regime-color'),
    file = $<HTMLInputElement>('regime-file'),
    error = $('regime-file-error'),
    summary = $('regime-summary'),
    charts = $('regime-charts');
  const sets = await getJson<{ items: Array<{ id: string; description: string }> }>('/v1/regimes');
  section.hidden = false;
  for (const s of sets.items) select.add(new Option(s.description, s.id));
  let map: RegimeMap | undefined;
  const draw = () => {
    if (!map) return;
    drawRegimeMap(charts, map, colorBy.value as ColorBy);
    const c = map.current;
    summary.textContent =
      `${map.symbol}: ${map.windows.length} windows of ${map.window} from ${map.bars.toLocaleString('en-US')} bars; ` +
      `HH ${map.counts.HH}, HL ${map.counts.HL}, LH ${map.counts.LH}, LL ${map.counts.LL}` +
      (c ? `; latest: ${c.label} (${c.grid}) from ${c.start}.` : '.');
    section.dataset.loaded = map.source;
  };
  const load = async (request: () => Promise<RegimeMap>) => {
    error.textContent = '';
    file.removeAttribute('aria-invalid');
    summary.textContent = 'computing...';
    try {
      map = await request();
      draw();
    } catch (e) {
      summary.textContent = '';
      error.textContent = (e as Error).message;
      file.setAttribute('aria-invalid', 'true');
    }
  };
  const fromSet = () => load(() => getJson<RegimeMap>(`/v1/regimes/${encodeURIComponent(select.value)}`));
  select.addEventListener('change', () => void fromSet());
  colorBy.addEventListener('change', draw);
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const symbol = $<HTMLInputElement>('regime-symbol').value.trim();
    void load(async () =>
      getJson<RegimeMap>(`/v1/regimes${symbol ? `?symbol=${encodeURIComponent(symbol)}` : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: await chosen.text(),
      }),
    );
  });
  if (sets.items.length > 0) await fromSet();
  else summary.textContent = 'no bundled data on this server: upload a CSV of bars';
}
