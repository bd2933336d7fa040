// `flowexec report` and `evaluate --out report.html`: one self-contained HTML file (charts script, style and data
// inlined; nothing loads from outside) with the ranking table and every chart of an evaluation.
import type { EvaluationResult } from '../eval/evaluate.js';
import { rankingTable, runLine } from './tables.js';
import { escapeHtml } from './svg.js';

/** The bundled chart script and its style (build/web/report.js and report.css, built by scripts/build-web.mjs). */
export interface ReportAssets {
  script: string;
  css: string;
}

/** Text that is safe inside <script>: no "</script" or "<!--" can end or change the element. */
export function scriptSafe(text: string): string {
  return text.replace(/<(?=\/script|!--)/gi, '\\u003c');
}

export function reportHtml(result: EvaluationResult, assets: ReportAssets): string {
  const data = JSON.stringify(result).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>FlowExec report: ${escapeHtml(result.name)}</title>
<style>${assets.css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<header class="top"><h1>FlowExec report: ${escapeHtml(result.name)}</h1><span class="status">${runLine(result)}</span></header>
<main>
${rankingTable(result)}
<div id="charts" class="charts"></div>
<noscript><p>The charts need JavaScript; the table above and the data inlined in this file have every number.</p></noscript>
</main>
<script type="application/json" id="flowexec-result">${data}</script>
<script>${scriptSafe(assets.script)}</script>
</body>
</html>
`;
}
