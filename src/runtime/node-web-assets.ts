// The browser bundles on disk (build/web/, made by `npm run build:web`): the report's chart script and style, and the
// dashboard page that `flowexec serve` answers at GET /.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/input-error.js';
import type { ReportAssets } from '../web/report-html.js';
import { PACKAGE_ROOT } from './paths.js';

export const WEB_BUILD_DIR = join(PACKAGE_ROOT, 'build', 'web');

function read(name: string): string {
  const path = join(WEB_BUILD_DIR, name);
  if (!existsSync(path))
    throw new InputError(`${path} is missing: run \`npm run build:web\` (npm ci runs it through prepare)`);
  return readFileSync(path, 'utf8');
}

export function readReportAssets(): ReportAssets {
  return { script: read('report.js'), css: read('style.css') };
}

/** The dashboard page, or undefined when the web build is missing (the API still serves). */
export function readDashboardHtml(): string | undefined {
  const path = join(WEB_BUILD_DIR, 'index.html');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
