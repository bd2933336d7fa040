// flowexec report and evaluate --out report.html: one self-contained HTML file (no external URL) holding the table, the
// chart script, its style and the result; bad inputs exit 2 with one line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { flowexec, scratchDir, isCleanInputError } from '../support/cli.js';
import { CHART_IDS } from '../../src/web/charts.js';

const dir = scratchDir();
const env = { FLOWEXEC_HOME: dir };

/** Anything a browser would fetch: a URL with a scheme or protocol-relative, in src/href/url()/@import/fetch. */
const EXTERNAL = /(?:https?:|wss?:|ftp:)\/\/|(?:src|href)\s*=\s*["']?\/\/|url\(\s*["']?\/\/|@import/i;

test('evaluate --out report.html and report RESULT.json -o report.html write the same self-contained page', async () => {
  const json = join(dir, 'r.json'),
    html = join(dir, 'r.html'),
    direct = join(dir, 'direct.html');
  assert.is(
    (
      await flowexec(
        ['evaluate', 'examples/heston-execution.json', '--paths', '2000', '--threads', '1', '--out', json],
        env,
      )
    ).status,
    0,
  );
  const r = await flowexec(['report', json, '-o', html], env);
  assert.is(r.status, 0, r.stderr);
  assert.is(
    (
      await flowexec(
        ['evaluate', 'examples/heston-execution.json', '--paths', '2000', '--threads', '1', '--out', direct],
        env,
      )
    ).status,
    0,
  );
  for (const file of [html, direct]) {
    const page = readFileSync(file, 'utf8');
    assert.not.ok(EXTERNAL.test(page), `external reference: ${EXTERNAL.exec(page)?.[0]}`);
    assert.not.match(page, /<script[^>]+src=|<link[^>]+href=/i);
    assert.match(page, /<table class="ranking">/);
    for (const id of CHART_IDS) assert.ok(page.includes(id), `chart ${id} missing`);
    const data = JSON.parse(/<script type="application\/json" id="flowexec-result">(.*?)<\/script>/s.exec(page)![1]!);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(data.ranking, result.ranking);
    assert.is(data.strategies[0].distribution.counts.length, 256);
  }
});

test('report reads a result of version 1 and of 0.1 (no version), and refuses a newer version or another format by name', async () => {
  const current = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  assert.is(current.format, 'flowexec-evaluation');
  assert.is(current.formatVersion, 1);
  const { format: _f, formatVersion: _v, provenance: _p, ...legacy } = current;
  const old = join(dir, 'v0.json'),
    newer = join(dir, 'v2.json'),
    other = join(dir, 'sim.json');
  writeFileSync(old, JSON.stringify(legacy));
  writeFileSync(newer, JSON.stringify({ ...current, formatVersion: 2 }));
  writeFileSync(other, JSON.stringify({ ...current, format: 'flowexec-simulation' }));
  const r = await flowexec(['report', old, '-o', join(dir, 'v0.html')], env);
  assert.is(r.status, 0, r.stderr);
  let problem = isCleanInputError(
    await flowexec(['report', newer, '-o', join(dir, 'v2.html')], env),
    /v2\.json\.formatVersion: version 2 is not supported \(this flowexec reads versions 0 and 1; upgrade flowexec/,
  );
  assert.is(problem, null, problem ?? '');
  problem = isCleanInputError(
    await flowexec(['report', other, '-o', join(dir, 'sim.html')], env),
    /sim\.json\.format: must be "flowexec-evaluation" \(got "flowexec-simulation"\)/,
  );
  assert.is(problem, null, problem ?? '');
  assert.not.ok(existsSync(join(dir, 'v2.html')));
});

test('report refuses a file that is not an evaluation result, and an output that is not .html', async () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ strategies: [] }));
  let problem = isCleanInputError(
    await flowexec(['report', bad, '-o', join(dir, 'x.html')], env),
    /not an evaluation result .*no "strategies" list/,
  );
  assert.is(problem, null, problem ?? '');
  problem = isCleanInputError(
    await flowexec(['report', bad, '-o', join(dir, 'x.pdf')], env),
    /--out must end in \.html/,
  );
  assert.is(problem, null, problem ?? '');
  problem = isCleanInputError(await flowexec(['report', bad], env), /missing -o REPORT\.html/);
  assert.is(problem, null, problem ?? '');
  assert.not.ok(existsSync(join(dir, 'x.html')));
});

test.run();
