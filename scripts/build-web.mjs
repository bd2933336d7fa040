#!/usr/bin/env node
// Builds the browser side with esbuild (no CDN: uPlot and the engine are bundled in):
//   build/web/report.js, style.css   the chart script and style inlined into `flowexec report` files
//   build/web/index.html             the dashboard `flowexec serve` answers at GET / (one self-contained file)
//   build/site/index.html            the static build: the same page, no server needed (evaluations run in a Web
//                                    Worker on the inlined wasm); open it from disk or put it on any static host
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build', 'web');
const site = join(root, 'build', 'site');
mkdirSync(out, { recursive: true });
mkdirSync(site, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2022'],
  platform: 'browser',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
};

async function bundle(entry, define = {}) {
  const result = await build({ ...common, entryPoints: [join(root, entry)], define });
  return result.outputFiles[0].text;
}

/** Text that is safe inside <script>: no "</script" or "<!--" can end the element. */
const scriptSafe = (text) => text.replace(/<(?=\/script|!--)/gi, '\\u003c');

const css =
  readFileSync(join(root, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8') +
  '\n' +
  readFileSync(join(root, 'src/web/style.css'), 'utf8');
writeFileSync(join(out, 'style.css'), css);
writeFileSync(join(out, 'report.js'), await bundle('src/web/report-entry.ts'));

if (existsSync(join(root, 'src/web/dashboard.ts'))) {
  const wasm = readFileSync(join(root, 'build/flowexec.wasm'));
  const worker = await bundle('src/runtime/browser-worker.ts');
  const presets = Object.fromEntries(
    readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(root, 'examples', f), 'utf8'))]),
  );
  const script = await bundle('src/web/dashboard.ts', {
    __FLOWEXEC_WORKER__: JSON.stringify(worker),
    __FLOWEXEC_WASM_BASE64__: JSON.stringify(wasm.toString('base64')),
    __FLOWEXEC_PRESETS__: JSON.stringify(presets),
  });
  const template = readFileSync(join(root, 'src/web/index.html'), 'utf8');
  const page = template
    .replace('/*STYLE*/', () => css.replace(/<\/style/gi, '<\\/style'))
    .replace('/*SCRIPT*/', () => scriptSafe(script));
  writeFileSync(join(out, 'index.html'), page);
  // the static build never looks for a server (a file:// page cannot have one; a static host has none)
  writeFileSync(join(site, 'index.html'), page.replace('data-mode="auto"', 'data-mode="browser"'));
}
console.log(`build-web: ${out}${existsSync(join(site, 'index.html')) ? ` and ${site}` : ''}`);
