// The dashboard page: pick a preset market, an order and strategies, run an evaluation on the server (POST
// /v1/evaluations, progress over its SSE stream, DELETE to cancel) or in this browser (a Web Worker on the same wasm),
// then see the table and every chart and download the result as JSON or CSV. Errors show next to their field. Served,
// it also shows the training curves of saved policy runs and the regime map of market data (./panels.ts).
import type { EvaluationResult } from '../eval/evaluate.js';
import { evaluationCsv } from '../eval/report-csv.js';
import { renderCharts } from './charts.js';
import { rankingTable, runLine } from './tables.js';
import { initRegimePanel, initTrainingPanel } from './panels.js';

declare const __FLOWEXEC_WORKER__: string;
declare const __FLOWEXEC_WASM_BASE64__: string;
declare const __FLOWEXEC_PRESETS__: Record<string, any>;

/** Paths x steps x runs an evaluation in the browser may take (one thread; about 10 s on a laptop). */
const BROWSER_MAX_PATH_STEPS = 5e8;
const DEFAULT_PATHS = 20_000;
const DEFAULT_FRONTIER = [0, 10, 25, 50, 100, 250];

const $ = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;
type Mode = 'server' | 'browser';
type State = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

interface StrategyRow {
  index: number;
  box: HTMLInputElement;
  param?: HTMLInputElement;
  scale: number;
  key?: 'rate' | 'riskAversion';
  error: HTMLElement;
}

let presetName = '';
let rows: StrategyRow[] = [];
let submitted: number[] = [];
let current: EvaluationResult | undefined;
let cancelRun: (() => void) | undefined;
let wasmBytes: Uint8Array | undefined;
/** The last config sent and result shown, and the progress updates seen: for scripts and browser tests. */
const exposed: { config?: unknown; result?: EvaluationResult; progressEvents: number } = { progressEvents: 0 };
(window as unknown as { flowexec: typeof exposed }).flowexec = exposed;

function setState(state: State, text: string): void {
  document.body.dataset.state = state;
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', state === 'error');
  $<HTMLButtonElement>('run').disabled = state === 'running';
  $<HTMLButtonElement>('cancel').disabled = state !== 'running';
}

function minutesOf(order: any): number {
  return order.horizonMinutes ?? (order.horizonDays ?? 1) * 390;
}

function applyPreset(name: string): void {
  presetName = name;
  const c = __FLOWEXEC_PRESETS__[name];
  $('preset-description').textContent = c.description ?? '';
  $<HTMLSelectElement>('side').value = c.order.side ?? 'sell';
  $('shares').value = String(c.order.shares);
  $('horizon').value = String(minutesOf(c.order));
  $('cap').value = String(100 * (c.order.participationCap ?? 1));
  $('paths').value = String(DEFAULT_PATHS);
  $('seed').value = String(c.evaluation?.seed ?? 20240601);
  $('risk').value = String(c.evaluation?.riskAversion ?? 1);
  $('frontier').checked = Array.isArray(c.evaluation?.frontier);
  const box = $('strategies');
  box.replaceChildren();
  rows = (c.strategies as any[]).map((s, index) => {
    const wrap = document.createElement('div');
    const id = `strategy-${index}`;
    const label = s.name ?? (s.type === 'pov' ? `pov` : s.type);
    wrap.innerHTML = `<label><input type="checkbox" id="${id}" checked> ${label.replace(/[<&]/g, '')}</label>`;
    const row: StrategyRow = {
      index,
      box: wrap.querySelector('input')!,
      scale: 1,
      error: document.createElement('div'),
    };
    const key = s.type === 'pov' ? 'rate' : s.riskAversion !== undefined ? 'riskAversion' : undefined;
    if (key) {
      const param = document.createElement('input');
      param.id = `${id}-${key}`;
      param.inputMode = 'decimal';
      row.scale = key === 'rate' ? 0.01 : 1;
      param.value = String(key === 'rate' ? 100 * s.rate : s.riskAversion);
      const text = document.createElement('label');
      text.htmlFor = param.id;
      text.textContent = key === 'rate' ? 'participation rate (%)' : 'risk aversion';
      wrap.append(text, param);
      row.param = param;
      row.key = key;
    }
    row.error.className = 'field-error';
    row.error.id = `${id}-error`;
    wrap.append(row.error);
    box.append(wrap);
    return row;
  });
}

/** A number when the text is one; otherwise the text itself, so the engine's validation names the field. */
function numeric(text: string, scale = 1): unknown {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? Number((n * scale).toPrecision(15)) : text;
}

function buildConfig(): Record<string, any> {
  const preset = __FLOWEXEC_PRESETS__[presetName];
  const c = structuredClone(preset);
  c.order.side = $<HTMLSelectElement>('side').value;
  c.order.shares = numeric($('shares').value);
  const horizon = numeric($('horizon').value);
  if (horizon !== minutesOf(preset.order)) {
    delete c.order.horizonDays;
    c.order.horizonMinutes = horizon;
  }
  const cap = numeric($('cap').value, 0.01);
  if (cap !== undefined && cap !== 1) c.order.participationCap = cap;
  else delete c.order.participationCap;
  if (cap === 1 && preset.order.participationCap !== undefined) c.order.participationCap = 1;
  const chosen = rows.filter((r) => r.box.checked);
  submitted = chosen.map((r) => r.index);
  c.strategies = chosen.map((r) => {
    const s = structuredClone(preset.strategies[r.index]);
    if (r.param && r.key) s[r.key] = numeric(r.param.value, r.scale);
    return s;
  });
  const evaluation = { ...(preset.evaluation ?? {}) };
  evaluation.paths = numeric($('paths').value);
  evaluation.seed = numeric($('seed').value);
  evaluation.riskAversion = numeric($('risk').value);
  if ($('frontier').checked) evaluation.frontier = preset.evaluation?.frontier ?? DEFAULT_FRONTIER;
  else delete evaluation.frontier;
  c.evaluation = evaluation;
  return c;
}

function clearErrors(): void {
  for (const el of Array.from(document.querySelectorAll('.field-error'))) el.textContent = '';
  for (const el of Array.from(document.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
}

/** Puts an error next to the field it names (order.shares, strategies.2.rate, ...); the status line says where. */
function showError(field: string | undefined, message: string): void {
  let input: HTMLElement | undefined, box: HTMLElement | undefined;
  const strategy = field ? /^strategies\.(\d+)(?:\.(\w+))?/.exec(field) : null;
  if (strategy) {
    const row = rows.find((r) => r.index === submitted[Number(strategy[1])]);
    if (row) {
      input = (strategy[2] && row.param) || row.box;
      box = row.error;
    }
  } else if (field) {
    const candidates = Array.from(document.querySelectorAll<HTMLElement>('[data-field]'));
    const match =
      candidates.find((el) => el.dataset.field!.split(' ').includes(field)) ??
      candidates.find((el) =>
        el.dataset.field!.split(' ').some((f: string) => field.startsWith(`${f}.`) || f.startsWith(`${field}.`)),
      );
    if (match) {
      input = match;
      box =
        document.getElementById(`${match.id}-error`) ?? (match.classList.contains('field-error') ? match : undefined);
    }
  }
  if (box) {
    box.textContent = message;
    input?.setAttribute('aria-invalid', 'true');
    if (input && input !== box) input.focus();
    setState('error', `Not run: ${message}`);
  } else {
    setState('error', message);
  }
}

function showResult(result: EvaluationResult, where: string): void {
  current = result;
  exposed.result = result;
  $('table').innerHTML = rankingTable(result);
  $('run-line').innerHTML = runLine(result);
  $('downloads').hidden = false;
  renderCharts($('charts'), result);
  setState(
    'done',
    `Done: ${result.paths.toLocaleString('en-US')} paths in ${result.wallSeconds.toFixed(2)} s ${where}.`,
  );
}

function progress(done: number, total: number): void {
  const bar = $<HTMLProgressElement>('progress');
  bar.max = Math.max(total, 1);
  bar.value = done;
  exposed.progressEvents++;
  setState('running', `Running: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} paths`);
}

async function runOnServer(config: unknown): Promise<void> {
  const res = await fetch('/v1/evaluations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    showError(body?.error?.field, body?.error?.message ?? `HTTP ${res.status}`);
    return;
  }
  const id = body.id as string;
  const events = new EventSource(`/v1/evaluations/${encodeURIComponent(id)}/events`);
  let finished = false;
  cancelRun = () => {
    fetch(`/v1/evaluations/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => {});
  };
  events.addEventListener('progress', (e) => {
    const p = JSON.parse((e as MessageEvent).data);
    progress(p.donePaths, p.totalPaths);
  });
  events.addEventListener('done', (e) => {
    finished = true;
    events.close();
    cancelRun = undefined;
    const job = JSON.parse((e as MessageEvent).data);
    if (job.status === 'succeeded') showResult(job.result, `on the server (job ${job.id})`);
    else if (job.status === 'cancelled') setState('cancelled', 'Cancelled.');
    else setState('error', `The evaluation failed: ${job.error?.message ?? job.status}`);
  });
  events.onerror = () => {
    if (finished) return;
    events.close();
    setState('error', 'Lost the progress stream; the job may still be running (GET /v1/evaluations).');
  };
}

function base64Bytes(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function runInBrowser(config: unknown): void {
  wasmBytes ??= base64Bytes(__FLOWEXEC_WASM_BASE64__);
  const url = URL.createObjectURL(new Blob([__FLOWEXEC_WORKER__], { type: 'text/javascript' }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  const stop = () => {
    worker.terminate();
    cancelRun = undefined;
  };
  cancelRun = () => {
    stop();
    setState('cancelled', 'Cancelled.');
  };
  worker.onmessage = (e: MessageEvent) => {
    const m = e.data;
    if (m.type === 'progress') progress(m.donePaths, m.totalPaths);
    else if (m.type === 'result') {
      stop();
      showResult(m.result, 'in this browser');
    } else if (m.type === 'error') {
      stop();
      showError(m.field, m.message);
    }
  };
  worker.onerror = (e) => {
    stop();
    setState('error', `The browser engine failed: ${e.message}`);
  };
  worker.postMessage({ type: 'run', config, wasm: wasmBytes.slice().buffer, maxPathSteps: BROWSER_MAX_PATH_STEPS });
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function detectServer(): Promise<boolean> {
  if (document.documentElement.dataset.mode === 'browser' || !location.protocol.startsWith('http')) return false;
  try {
    const res = await fetch('/healthz', { headers: { accept: 'application/json' } });
    return res.ok && (await res.json()).status === 'ok';
  } catch {
    return false;
  }
}

/** The assistant (POST /v1/ask): the answer in words; when it ran an evaluation, its charts below. */
async function askServer(): Promise<void> {
  clearErrors();
  const question = $('question').value;
  $('answer').textContent = 'Thinking...';
  const res = await fetch('/v1/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question, includeResult: true }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    $('answer').textContent = '';
    showError(body?.error?.field ?? 'question', body?.error?.message ?? `HTTP ${res.status}`);
    return;
  }
  $('answer').textContent = body.answer;
  if (body.result) showResult(body.result, 'on the server (assistant)');
}

async function main(): Promise<void> {
  const select = $<HTMLSelectElement>('preset');
  for (const name of Object.keys(__FLOWEXEC_PRESETS__)) select.add(new Option(name, name));
  select.value = 'heston-execution' in __FLOWEXEC_PRESETS__ ? 'heston-execution' : select.options[0]!.value;
  applyPreset(select.value);
  select.addEventListener('change', () => {
    clearErrors();
    applyPreset(select.value);
  });
  const server = await detectServer();
  const runOn = $<HTMLSelectElement>('run-on');
  (runOn.options[0] as HTMLOptionElement).disabled = !server;
  runOn.value = server ? 'server' : 'browser';
  $('mode-line').textContent = server
    ? `connected to the FlowExec API at ${location.host}`
    : 'no server: evaluations run in this browser (Web Worker, same wasm as the CLI)';
  setState('idle', '');
  $('ask-form').hidden = !server;
  if (server) {
    // the panels of the server's saved state; each says what went wrong in its own status line
    initTrainingPanel().catch((error: unknown) => {
      $('training').hidden = false;
      $('training-status').textContent = `Could not list the training runs: ${(error as Error).message}`;
    });
    initRegimePanel().catch((error: unknown) => {
      $('regimes').hidden = false;
      $('regime-summary').textContent = `Could not list the data sets: ${(error as Error).message}`;
    });
  }
  $<HTMLFormElement>('ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    askServer().catch((error: unknown) => {
      $('answer').textContent = `Could not reach the server: ${(error as Error).message}`;
    });
  });
  $<HTMLFormElement>('setup').addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors();
    const config = buildConfig();
    exposed.config = config;
    exposed.progressEvents = 0;
    setState('running', 'Starting...');
    $<HTMLProgressElement>('progress').value = 0;
    if ((runOn.value as Mode) === 'server')
      runOnServer(config).catch((error: unknown) =>
        setState('error', `Could not reach the server: ${(error as Error).message}`),
      );
    else runInBrowser(config);
  });
  $('cancel').addEventListener('click', () => cancelRun?.());
  $('download-json').addEventListener(
    'click',
    () => current && download(`${current.name}.json`, 'application/json', JSON.stringify(current, null, 2) + '\n'),
  );
  $('download-csv').addEventListener(
    'click',
    () => current && download(`${current.name}.csv`, 'text/csv', evaluationCsv(current)),
  );
}

main();
