// Every chart of an evaluation result, drawn into a container: IS distributions (the engine's histograms), mean with
// 95% CI, paired differences, expected inventory, attribution and the Almgren-Chriss frontier. Shared by the dashboard
// and the HTML report; uPlot (bundled at build time) draws the line charts, ./svg.ts the others.
import uPlot from 'uplot';
import type { EvaluationResult } from '../eval/evaluate.js';
import type { StrategySummary } from '../eval/summary.js';
import { PALETTE, dotWhisker, divergingStackedBars, curveWithPoints, escapeHtml } from './svg.js';
import { samplePathSvg } from './sample-paths-svg.js';

export const CHART_IDS = [
  'distribution',
  'mean-ci',
  'paired',
  'inventory',
  'sample-paths',
  'attribution',
  'frontier',
] as const;
const PARTS = ['timing', 'permanent', 'temporary', 'transient', 'spread', 'opportunity'] as const;
/** Points of the common grid the histograms are drawn on. */
const GRID_POINTS = 240;

export function figure(container: HTMLElement, id: string, caption: string): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.dataset.chart = id;
  fig.innerHTML = `<figcaption>${escapeHtml(caption)}</figcaption><div class="plot"></div>`;
  container.appendChild(fig);
  return fig.querySelector('.plot') as HTMLElement;
}

function colorOf(result: EvaluationResult, name: string): string {
  return PALETTE[result.strategies.findIndex((s) => s.name === name) % PALETTE.length]!;
}

/** Density (1/bps) of each strategy's IS on one grid spanning every histogram's occupied bins. */
export function densities(strategies: StrategySummary[]): { x: number[]; y: number[][] } {
  let lo = Infinity,
    hi = -Infinity;
  for (const s of strategies) {
    const d = s.distribution;
    const first = d.counts.findIndex((c) => c > 0),
      last = d.counts.length - 1 - [...d.counts].reverse().findIndex((c) => c > 0);
    if (first < 0) continue;
    lo = Math.min(lo, d.loBps + first * d.binWidthBps);
    hi = Math.max(hi, d.loBps + (last + 1) * d.binWidthBps);
  }
  if (!(hi > lo)) return { x: [], y: strategies.map(() => []) };
  const x = Array.from({ length: GRID_POINTS }, (_, i) => lo + ((i + 0.5) * (hi - lo)) / GRID_POINTS);
  const y = strategies.map((s) => {
    const d = s.distribution;
    const total = d.counts.reduce((a, b) => a + b, 0) + d.below + d.above;
    return x.map((v) => {
      const bin = Math.floor((v - d.loBps) / d.binWidthBps);
      return bin >= 0 && bin < d.counts.length && total > 0 ? d.counts[bin]! / (total * d.binWidthBps) : 0;
    });
  });
  return { x, y };
}

function plotWidth(el: HTMLElement): number {
  return Math.max(280, Math.min(900, el.clientWidth || 640));
}

export function linePlot(
  el: HTMLElement,
  x: number[],
  series: Array<{ label: string; values: Array<number | null>; color: string }>,
  xLabel: string,
  yLabel: string,
  height = 280,
): uPlot {
  const opts: uPlot.Options = {
    width: plotWidth(el),
    height,
    scales: { x: { time: false } },
    axes: [{ label: xLabel }, { label: yLabel, size: 60 }],
    series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.6 }))],
    legend: { live: false },
  };
  const plot = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
  if (typeof ResizeObserver !== 'undefined')
    new ResizeObserver(() => plot.setSize({ width: plotWidth(el), height })).observe(el);
  return plot;
}

/** Clears `container` and draws every chart of `result` into it. */
export function renderCharts(container: HTMLElement, result: EvaluationResult): void {
  container.replaceChildren();
  const ranked = result.ranking.map((n) => result.strategies.find((s) => s.name === n)!);
  // SVG charts are drawn at the width they get (one column on a phone), so their text keeps its size
  const columns = getComputedStyle(container).gridTemplateColumns.split(' ').filter(Boolean).length || 1;
  const svgWidth = Math.round(Math.max(300, Math.min(640, (container.clientWidth || 640 * columns) / columns - 20)));

  const dist = densities(result.strategies);
  linePlot(
    figure(
      container,
      'distribution',
      "Distribution of implementation shortfall per strategy (from the engine's 256-bin histograms)",
    ),
    dist.x,
    result.strategies.map((s, i) => ({ label: s.name, values: dist.y[i]!, color: PALETTE[i % PALETTE.length]! })),
    'IS (bps)',
    'density (1/bps)',
  );

  figure(container, 'mean-ci', 'Mean IS with 95% confidence interval').innerHTML = dotWhisker(
    ranked.map((s) => ({ label: s.name, value: s.mean, lo: s.ci95[0], hi: s.ci95[1], color: colorOf(result, s.name) })),
    'mean IS with 95% CI',
    'mean IS (bps)',
    undefined,
    svgWidth,
  );

  const paired = figure(
    container,
    'paired',
    `Paired differences to the best (${result.ranking[0]}), common random numbers, 95% CI`,
  );
  paired.innerHTML =
    result.pairedToBest.length > 0
      ? dotWhisker(
          result.pairedToBest.map((d) => ({
            label: d.strategy,
            value: d.mean,
            lo: d.ci95[0],
            hi: d.ci95[1],
            color: colorOf(result, d.strategy),
          })),
          'paired differences to the best',
          "IS minus the best's IS (bps)",
          0,
          svgWidth,
        )
      : '<p class="empty">one strategy only: nothing to pair</p>';

  const inv = result.inventory;
  const staticNames = result.strategies.map((s) => s.name).filter((n) => inv?.remaining?.[n]);
  const invEl = figure(
    container,
    'inventory',
    'Expected inventory left (fraction of the order); closed-loop strategies depend on the path and are not drawn',
  );
  if (inv && staticNames.length > 0) {
    linePlot(
      invEl,
      inv.minutes,
      staticNames.map((n) => ({ label: n, values: inv.remaining[n]!, color: colorOf(result, n) })),
      'minutes',
      'inventory left',
    );
  } else invEl.innerHTML = '<p class="empty">no static strategy: no fixed trajectory</p>';

  const samples = result.samplePaths;
  if (samples && samples.paths > 0) {
    const plot = figure(
      container,
      'sample-paths',
      `Sample paths (the first ${samples.paths} of the seed, the same for every strategy): mid price and each strategy's child orders (bars scaled per strategy)`,
    );
    const lanes = ranked
      .filter((s) => samples.childShares[s.name])
      .map((s) => ({ name: s.name, color: colorOf(result, s.name) }));
    const missing = ranked.filter((s) => !samples.childShares[s.name]).map((s) => s.name);
    const controls = document.createElement('div');
    controls.className = 'chart-controls';
    controls.innerHTML =
      `<label for="sample-path">path</label> <select id="sample-path">${Array.from({ length: samples.paths }, (_, i) => `<option value="${i}">${i + 1}</option>`).join('')}</select>` +
      (missing.length > 0 ? ` <span class="note">not replayed: ${escapeHtml(missing.join(', '))}</span>` : '');
    plot.before(controls);
    const select = controls.querySelector('select')!;
    const draw = () => (plot.innerHTML = samplePathSvg(samples, Number(select.value), lanes, svgWidth));
    select.addEventListener('change', draw);
    draw();
  }

  figure(
    container,
    'attribution',
    'Attribution of the mean shortfall (bps): timing, permanent, temporary, transient, spread, opportunity',
  ).innerHTML = divergingStackedBars(
    ranked.map((s) => ({ label: s.name, parts: PARTS.map((p) => ({ name: p, value: s.attribution[p].mean })) })),
    [...PARTS],
    'attribution',
    'mean IS (bps)',
    svgWidth,
  );

  const front = figure(
    container,
    'frontier',
    'Almgren-Chriss efficient frontier (closed form, dashed) with every strategy placed on it (Monte Carlo mean and std)',
  );
  const curve = (result.frontier ?? []).map((p) => ({
    x: p.analyticStd,
    y: p.analyticMean,
    label: `lambda ${p.riskAversion}`,
  }));
  front.innerHTML =
    curveWithPoints(
      curve,
      result.strategies.map((s, i) => ({ x: s.std, y: s.mean, label: s.name, color: PALETTE[i % PALETTE.length] })),
      'efficient frontier',
      'std of IS (bps)',
      'mean IS (bps)',
      svgWidth,
    ) +
    (curve.length === 0 ? '<p class="note">no frontier in this config (evaluation.frontier): strategies only</p>' : '');
}
