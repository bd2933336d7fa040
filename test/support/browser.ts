// Headless Chromium for the browser tests: Debian's build (scripts/install-chromium.sh installs it), driven by
// playwright-core; every console error, page error and request that leaves the allowed origins is recorded.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.FLOWEXEC_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-chromium.sh (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface Watched {
  consoleErrors: string[];
  external: string[];
}

/** Records console errors and page errors, and aborts (and records) any request outside `allowed` origins. */
export async function watch(page: Page, allowed: (url: string) => boolean): Promise<Watched> {
  const w: Watched = { consoleErrors: [], external: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(`page error: ${e.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    w.external.push(url);
    return route.abort();
  });
  return w;
}

/**
 * Every chart figure inside `within` (default: the evaluation's charts), with whether it has drawn data: a canvas with
 * non-blank pixels, or an SVG with marks.
 */
export function chartsDrawn(page: Page, within = '#charts'): Promise<Array<{ id: string; drawn: boolean }>> {
  return page.$$eval(`${within} figure.chart`, (figures) =>
    figures.map((f) => {
      const id = (f as HTMLElement).dataset.chart ?? '?';
      const canvas = f.querySelector('canvas');
      let drawn = false;
      if (canvas && canvas.width > 0 && canvas.height > 0) {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4)
          if (pixels[i]! > 0) {
            drawn = true;
            break;
          }
      }
      const svg = f.querySelector('svg');
      if (svg && svg.querySelectorAll('circle, rect, polyline, path').length > 0) drawn = true;
      return { id, drawn };
    }),
  );
}
