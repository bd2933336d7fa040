// The static build (build/site/index.html) opened from disk in headless Chromium: an evaluation runs in a Web Worker
// on the inlined wasm and gives the numbers of `flowexec evaluate --json` for the same config and seed, bit for bit.
// A `flowexec report` file opened the same way draws every chart.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launch, watch, chartsDrawn } from '../support/browser.js';
import { flowexec, scratchDir } from '../support/cli.js';
import { CHART_IDS } from '../../src/web/charts.js';

const SITE = new URL('../../build/site/index.html', import.meta.url).pathname;
const dir = scratchDir();
let browser: Browser;

/**
 * Everything but timings and the thread count (the browser runs one thread, the CLI two here), and what only the CLI
 * adds around the same numbers: the result format's tag and the provenance block.
 */
function deterministic(result: Record<string, unknown>): Record<string, unknown> {
  const {
    wallSeconds: _w,
    pathStepsPerSec: _p,
    threads: _t,
    format: _f,
    formatVersion: _v,
    provenance: _pr,
    ...rest
  } = result;
  return rest;
}

test.before(async () => {
  browser = await launch();
});
test.after(async () => {
  await browser?.close();
});

for (const preset of ['heston-execution', 'almgren-chriss']) {
  test(`the static page opened from disk runs ${preset} in a Web Worker bit for bit like flowexec evaluate --json`, async () => {
    assert.ok(existsSync(SITE), 'build/site/index.html is missing: npm run build:web');
    const page = await browser.newPage();
    const w = await watch(page, (u) => u.startsWith('file:'));
    await page.goto(pathToFileURL(SITE).href);
    await page.waitForFunction(() => document.getElementById('mode-line')!.textContent!.includes('no server'));
    await page.selectOption('#preset', preset);
    await page.fill('#paths', '3000');
    await page.click('#run');
    await page.waitForSelector('body[data-state=done]', { timeout: 120_000 });
    const { config, result } = await page.evaluate(() => (window as any).flowexec);
    const charts = await chartsDrawn(page);
    for (const c of charts) assert.ok(c.drawn, `chart ${c.id} is empty`);
    const file = join(dir, `${preset}.json`);
    writeFileSync(file, JSON.stringify(config));
    const cli = await flowexec(['evaluate', file, '--json', '--threads', '2'], { FLOWEXEC_HOME: dir });
    assert.is(cli.status, 0, cli.stderr);
    // JSON prints the shortest decimal that reads back as the same double: equal text is equal bits
    assert.is(JSON.stringify(deterministic(result)), JSON.stringify(deterministic(JSON.parse(cli.stdout))));
    assert.equal(w.consoleErrors, []);
    assert.equal(w.external, []);
    await page.close();
  });
}

test('a flowexec report opened from disk draws every chart, with no console error and no request', async () => {
  const json = join(dir, 'r.json'),
    html = join(dir, 'r.html');
  assert.is(
    (
      await flowexec(
        ['evaluate', 'examples/heston-execution.json', '--paths', '2000', '--threads', '1', '--out', json],
        { FLOWEXEC_HOME: dir },
      )
    ).status,
    0,
  );
  assert.is((await flowexec(['report', json, '-o', html])).status, 0);
  const page = await browser.newPage();
  const w = await watch(page, (u) => u === pathToFileURL(html).href);
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('figure.chart[data-chart=frontier] svg');
  const charts = await chartsDrawn(page);
  assert.equal(
    charts.map((c) => c.id),
    [...CHART_IDS],
  );
  for (const c of charts) assert.ok(c.drawn, `chart ${c.id} is empty`);
  assert.equal(w.consoleErrors, []);
  assert.equal(w.external, []);
  await page.close();
});

test.run();
