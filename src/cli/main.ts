// The flowexec command: dispatches subcommands; bad input exits 2 with one line, never a stack trace.
import { InputError } from '../errors/input-error.js';
import { runCommand } from './run.js';
import { CALIBRATE_USAGE, REGIME_USAGE, REPLAY_USAGE, RECOMMEND_USAGE, HISTORY_USAGE } from './usage-data.js';
import {
  RUN_USAGE,
  EVALUATE_USAGE,
  TRAIN_USAGE,
  EXPERIMENT_USAGE,
  DEMO_USAGE,
  BENCH_USAGE,
  SERVE_USAGE,
  ASK_USAGE,
  REPORT_USAGE,
  WORKER_USAGE,
} from './usage.js';

const USAGE = `FlowExec: Monte Carlo engine for optimal trade execution research

usage:
  ${RUN_USAGE}
  ${EVALUATE_USAGE}
  ${TRAIN_USAGE}
  ${EXPERIMENT_USAGE}
  ${DEMO_USAGE}   both canonical workloads on defaults, each beside its exact oracle
  ${BENCH_USAGE}
  ${SERVE_USAGE}   the API, and the dashboard at /
  ${ASK_USAGE}   questions in words, answered with numbers
  ${REPORT_USAGE}   one self-contained HTML file with every chart
  ${WORKER_USAGE}
  ${CALIBRATE_USAGE}
  ${REGIME_USAGE}
  ${REPLAY_USAGE}
  ${RECOMMEND_USAGE}
  ${HISTORY_USAGE}
  flowexec --version
  flowexec help

Set FLOWEXEC_DEBUG=1 to see stack traces of internal errors.`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  run: runCommand,
  evaluate: async (args) => (await import('./evaluate.js')).evaluateCommand(args),
  train: async (args) => (await import('./train.js')).trainCommand(args),
  experiment: async (args) => (await import('./experiment.js')).experimentCommand(args),
  demo: async (args) => (await import('./demo.js')).demoCommand(args),
  bench: async (args) => (await import('./bench.js')).benchCommand(args),
  serve: async (args) => (await import('./serve.js')).serveCommand(args),
  ask: async (args) => (await import('./ask.js')).askCommand(args),
  report: async (args) => (await import('./report.js')).reportCommand(args),
  worker: async (args) => (await import('./worker.js')).workerCommand(args),
  calibrate: async (args) => (await import('./calibrate.js')).calibrateCommand(args),
  regime: async (args) => (await import('./regime.js')).regimeCommand(args),
  replay: async (args) => (await import('./replay.js')).replayCommand(args),
  recommend: async (args) => (await import('./recommend.js')).recommendCommand(args),
  history: async (args) => (await import('./history.js')).historyCommand(args),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    const { buildInfo } = await import('../runtime/provenance.js');
    const info = buildInfo();
    console.log(`flowexec ${info.flowexecVersion} (wasm sha256 ${info.wasmSha256 ?? 'missing: run npm run build'})`);
    return 0;
  }
  const handler = COMMANDS[command];
  if (!handler)
    throw new InputError(`unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')}, help)`);
  await handler(args);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) {
      console.error(`flowexec: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(`flowexec: internal error: ${(error as Error)?.message ?? String(error)}`);
      if (process.env.FLOWEXEC_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);
