// A progress bar on stderr for work that runs longer than a second (only on a terminal; CI logs stay clean).
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, unit: string): Progress {
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  const enabled = Boolean(process.stderr.isTTY) && !process.env.CI;
  return {
    update(done, total) {
      if (!enabled) return;
      if (!bar) {
        if (Date.now() - started < 1000) return;
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | eta {eta_formatted}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
