// Loading benchmark: writes N generic OHLCV minute rows (a 24-hour market, `YYYY-MM-DD HH:MM:SS` stamps) to a temporary
// file, loads it in a fresh process through the CLI's loader, and prints one JSON row: seconds, rows/s, peak RSS.
// Target (issue 15): 1e6 rows in under 5 s and under 200 MiB peak RSS.
// Run: node --import tsx bench/load-bars.ts [--rows 1000000]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, child: { type: 'string' } } });

if (values.child) {
  const { openBarFile } = await import('../src/cli/data-file.js');
  const started = performance.now(),
    cpu0 = process.cpuUsage();
  const loaded = await openBarFile(values.child, {});
  const seconds = (performance.now() - started) / 1000;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage(cpu0);
  // CPU seconds of the load (user + system): on a shared machine the wall time also counts waiting for a core
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    JSON.stringify({
      bench: 'load-bars',
      rows: loaded.quality.rows,
      bars: loaded.series.length,
      days: loaded.quality.days,
      seconds: Number(seconds.toFixed(3)),
      cpuSeconds: Number(cpuSeconds.toFixed(3)),
      rowsPerSec: Math.round(loaded.quality.rows / seconds),
      peakRssMiB: Number(peakRssMiB.toFixed(1)),
    }),
  );
} else {
  const rows = Number(values.rows);
  const dir = mkdtempSync(join(tmpdir(), 'flowexec-load-bars-'));
  const file = join(dir, 'bars.csv');
  const out = createWriteStream(file);
  out.write('timestamp,open,high,low,close,volume\n');
  let price = 100,
    seed = 12345;
  const uniform = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const open = price;
    price *= Math.exp(0.0005 * (uniform() - 0.5));
    const high = Math.max(open, price) * (1 + 0.0002 * uniform()),
      low = Math.min(open, price) * (1 - 0.0002 * uniform());
    const stamp = new Date(t0 + i * 60_000).toISOString().replace('T', ' ').slice(0, 19);
    const line = `${stamp},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${price.toFixed(4)},${Math.floor(1000 + 9000 * uniform())}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => {
    out.end();
    out.once('finish', () => r());
  });
  const megabytes = statSync(file).size / 2 ** 20;
  const child = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', file], {
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const row = JSON.parse(child.stdout.trim().split('\n').pop()!);
  console.log(JSON.stringify({ ...row, fileMiB: Number(megabytes.toFixed(1)), targetSeconds: 5, targetRssMiB: 200 }));
}
