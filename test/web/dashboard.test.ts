// The dashboard served by `flowexec serve`, driven in headless Chromium: a small evaluation started from the keyboard,
// progress over SSE, every chart drawn (sample paths with child orders included), the training curves of saved runs,
// the regime map of bundled and uploaded data, the JSON download, an API error shown next to its field, cancel, no
// console errors and no request leaving the server. Screenshots (desktop and phone width) go to docs/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, watch, chartsDrawn, type Watched } from '../support/browser.js';
import { scratchDir } from '../support/cli.js';
import { CHART_IDS } from '../../src/web/charts.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const DOCS = new URL('../../docs/', import.meta.url).pathname;
let server: ChildProcess,
  url = '',
  browser: Browser,
  page: Page,
  watched: Watched;

/** Shares drawn per strategy lane of the sample-path chart (each lane's data-shares). */
function sampleLanes(p: Page): Promise<Record<string, number>> {
  return p.$$eval('#charts figure[data-chart=sample-paths] g.lane', (lanes) =>
    Object.fromEntries(
      lanes.map((g) => [(g as SVGGElement).dataset.strategy!, Number((g as SVGGElement).dataset.shares)]),
    ),
  );
}

test.before(async () => {
  server = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'serve', '--port', '0', '--threads', '2', '--data-dir', join(scratchDir(), 'api')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  watched = await watch(page, (u) => u.startsWith(url));
  await page.goto(url + '/');
  await page.waitForFunction(() => document.getElementById('mode-line')!.textContent!.includes('connected'));
});

test.after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

test('a small evaluation started from the keyboard runs on the server, reports progress and draws every chart', async () => {
  await page.fill('#paths', '4000');
  await page.focus('#preset');
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'run');
  }
  assert.ok(reached, 'Tab never reached the Run button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-state=done]', { timeout: 60_000 });
  const exposed = await page.evaluate(() => (window as any).flowexec);
  assert.ok(exposed.progressEvents >= 1, 'no progress event seen');
  assert.is(exposed.result.paths, 4000);
  const charts = await chartsDrawn(page);
  assert.equal(
    charts.map((c) => c.id),
    [...CHART_IDS],
  );
  for (const c of charts) assert.ok(c.drawn, `chart ${c.id} is empty`);
  assert.is(await page.locator('table.ranking tbody tr').count(), exposed.result.strategies.length);
  // the sample path: a price line and a lane of child orders per strategy, each lane adding up to what it traded
  const lanes = await sampleLanes(page);
  assert.equal(Object.keys(lanes).sort(), exposed.result.strategies.map((s: any) => s.name).sort());
  for (const [name, shares] of Object.entries(lanes)) {
    const expected = exposed.result.samplePaths.childShares[name][0].reduce((a: number, b: number) => a + b, 0);
    assert.ok(Math.abs(shares - expected) <= 1e-6 * expected, `${name}: ${shares} shares drawn, ${expected} traded`);
  }
  assert.is(
    await page.getAttribute('#charts figure[data-chart=sample-paths] polyline', 'data-points'),
    String(exposed.result.steps + 1),
  );
  await page.waitForSelector('#training[data-loaded]');
  await page.waitForSelector('#regimes[data-loaded]');
  await page.screenshot({ path: join(DOCS, 'dashboard-desktop.png'), fullPage: true });
});

test('the sample path is chosen from the keyboard, and each path is drawn with its own prices', async () => {
  const first = await page.getAttribute('#charts figure[data-chart=sample-paths] polyline', 'points');
  await page.focus('#sample-path');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    (before) =>
      document.querySelector('#charts figure[data-chart=sample-paths] polyline')?.getAttribute('points') !== before,
    first,
  );
  assert.is(await page.inputValue('#sample-path'), '1');
  for (const c of await chartsDrawn(page)) assert.ok(c.drawn, `chart ${c.id} is empty`);
});

test('the training panel draws the curves of a saved PPO run, and of a FlowOE run', async () => {
  await page.selectOption('#policy-run', 'ppo-almgren-chriss.json');
  await page.waitForSelector('#training[data-loaded="ppo-almgren-chriss.json"]');
  let charts = await chartsDrawn(page, '#training');
  assert.equal(
    charts.map((c) => c.id),
    ['training-return', 'training-policy-loss', 'training-value-loss', 'training-entropy', 'training-speed'],
  );
  for (const c of charts) assert.ok(c.drawn, `chart ${c.id} is empty`);
  await page.selectOption('#policy-run', 'flowoe-regimes.json');
  await page.waitForSelector('#training[data-loaded="flowoe-regimes.json"]');
  charts = await chartsDrawn(page, '#training');
  assert.equal(
    charts.map((c) => [c.id, c.drawn]),
    [['training-loss', true]],
  );
});

test('the regime panel maps bundled daily and minute data, in both colourings, and an uploaded CSV', async () => {
  const drawn = async () => {
    const charts = await chartsDrawn(page, '#regimes');
    assert.equal(
      charts.map((c) => [c.id, c.drawn]),
      [
        ['regime-calendar', true],
        ['regime-grid', true],
      ],
    );
    return page.locator('#regimes figure[data-chart=regime-calendar] rect').count();
  };
  await page.selectOption('#dataset', 'spy-daily');
  await page.waitForSelector('#regimes[data-loaded="data/lean-2013-10/daily_spy.csv"]');
  assert.ok((await drawn()) > 1000, 'a cell per 5-day window since 1998');
  await page.selectOption('#regime-color', 'grid');
  assert.ok((await page.locator('#regimes rect[fill="#d9d9d9"]').count()) > 0, 'the vol-low/liq-low colour is used');
  await page.selectOption('#dataset', 'bac-minute');
  await page.waitForFunction(() =>
    /BAC: \d+ windows of 30 min/.test(document.getElementById('regime-summary')!.textContent!),
  );
  assert.ok((await drawn()) > 50);
  await page.setInputFiles('#regime-file', 'data/lean-2013-10/daily_bac.csv');
  await page.waitForSelector('#regimes[data-loaded="body"]');
  assert.match((await page.textContent('#regime-summary')) ?? '', /^uploaded: \d+ windows of 5 days/);
  assert.ok((await drawn()) > 1000);
  // a bad file: the API's message next to the file input
  await page.setInputFiles('#regime-file', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,open,high,low,close,volume\n20200102,1,2,0.5,x,100\n'),
  });
  await page.waitForFunction(() => document.getElementById('regime-file-error')!.textContent !== '');
  assert.match((await page.textContent('#regime-file-error')) ?? '', /line 2, column 5 \(close\): not a number/);
  assert.is(await page.getAttribute('#regime-file', 'aria-invalid'), 'true');
  const expected = watched.consoleErrors.filter((m) => /status of 422/.test(m));
  assert.is(expected.length, 1, watched.consoleErrors.join('\n'));
  watched.consoleErrors = watched.consoleErrors.filter((m) => !/status of 422/.test(m));
});

test('Download JSON saves the result shown', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const shown = await page.evaluate(() => (window as any).flowexec.result);
  assert.equal(saved, shown);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  // the CSV's first section is the ranking: a header and one row per strategy (more sections follow a blank line)
  const ranking = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split('\n\n')[0]!;
  assert.is(ranking.split('\n').length, shown.strategies.length + 1);
});

test('the page is usable at phone width: nothing overflows sideways', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const w = await watch(phone, (u) => u.startsWith(url));
  await phone.goto(url + '/');
  await phone.waitForFunction(() => document.getElementById('mode-line')!.textContent!.includes('connected'));
  await phone.fill('#paths', '2000');
  await phone.click('#run');
  await phone.waitForSelector('body[data-state=done]', { timeout: 60_000 });
  await phone.waitForSelector('#training[data-loaded]');
  await phone.waitForSelector('#regimes[data-loaded]');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the screen`);
  await phone.screenshot({ path: join(DOCS, 'dashboard-phone.png'), fullPage: true });
  assert.equal(w.consoleErrors, []);
  await phone.close();
});

test('an API error is shown next to the field it names', async () => {
  await page.fill('#shares', '-5');
  await page.click('#run');
  await page.waitForSelector('body[data-state=error]');
  assert.match((await page.textContent('#shares-error')) ?? '', /order\.shares: must be > 0/);
  assert.is(await page.getAttribute('#shares', 'aria-invalid'), 'true');
  await page.fill('#shares', '1000000');
  await page.fill('#strategy-2-rate', '150');
  await page.click('#run');
  await page.waitForSelector('body[data-state=error]');
  assert.match((await page.textContent('#strategy-2-error')) ?? '', /strategies\.2\.rate: must be in \(0, 1\]/);
  await page.fill('#strategy-2-rate', '6');
  // Chromium logs every 4xx response as a console error: these two were asked for, anything else is not
  const expected = watched.consoleErrors.filter((m) => /status of 422/.test(m));
  assert.is(expected.length, 2, watched.consoleErrors.join('\n'));
  watched.consoleErrors = watched.consoleErrors.filter((m) => !/status of 422/.test(m));
});

test('Cancel stops a running evaluation', async () => {
  // one static strategy and no frontier: shards are short, so the cancel lands between two of them quickly
  await page.fill('#paths', '3000000');
  await page.uncheck('#frontier');
  for (const k of [1, 2, 3, 4]) await page.uncheck(`#strategy-${k}`);
  await page.click('#run');
  await page.waitForSelector('body[data-state=running]');
  await page.waitForFunction(() => (window as any).flowexec.progressEvents >= 1);
  await page.click('#cancel');
  await page.waitForSelector('body[data-state=cancelled]', { timeout: 30_000 });
});

test('a question in words is answered with numbers, and the evaluation it ran is drawn', async () => {
  await page.fill('#question', 'compare TWAP and VWAP for selling 500k shares over 90 min');
  await page.press('#question', 'Enter');
  await page.waitForFunction(() => /bps/.test(document.getElementById('answer')!.textContent ?? ''), undefined, {
    timeout: 60_000,
  });
  assert.match(
    (await page.textContent('#answer')) ?? '',
    /^Selling 500,000 shares over 1\.5 hours .*vwap: -?\d+\.\d\d bps \(95% CI/,
  );
  await page.waitForSelector('body[data-state=done]');
  const shown = await page.evaluate(() => (window as any).flowexec.result);
  assert.equal(shown.strategies.map((s: any) => s.name).sort(), ['twap', 'vwap']);
  for (const c of await chartsDrawn(page)) assert.ok(c.drawn, `chart ${c.id} is empty`);
});

test('no console errors and no request left the server', async () => {
  assert.equal(watched.consoleErrors, []);
  assert.equal(watched.external, []);
});

test.run();
