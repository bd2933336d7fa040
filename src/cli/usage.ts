// The usage line of every command, in one module so `flowexec help` lists them without loading the commands.

export const RUN_USAGE =
  'flowexec run WORKLOAD.json [--paths N] [--steps N] [--seed S] [--scheme euler|qe] [--precision f64|f32] [--threads N | --queue redis://HOST:PORT | --fan-out URL,...] [--shard-paths N] [--json] [--sample-paths N --sample-out FILE.csv|FILE.json]';
export const EVALUATE_USAGE =
  'flowexec evaluate CONFIG.json [--paths N] [--seed S] [--precision f64|f32] [--threads N | --queue redis://HOST:PORT | --fan-out URL,URL,...] [--shard-paths N] [--json] [--out FILE.json|FILE.csv|FILE.html] [--schedules] [--strict] [--history PATH | --no-history] [--regime R]';
export const TRAIN_USAGE =
  'flowexec train ppo|flowoe CONFIG.json --out POLICY.json [--iterations N] [--threads N] [--json]';
export const EXPERIMENT_USAGE =
  'flowexec experiment ppo-ac|ppo-heston|map-elites|flowoe [--quick] [--threads N] [--json] [--out POLICY.json | map-elites: --out DIR]';
export const DEMO_USAGE = 'flowexec demo [--threads N]';
export const BENCH_USAGE = 'flowexec bench [--anchors DIR] [--quick] [--json] [--threads N] [--only SUITE,...]';
export const SERVE_USAGE =
  'flowexec serve [--port 8080] [--host 127.0.0.1] [--data-dir .flowexec/api] [--threads N] [--queue redis://HOST:PORT] [--policies DIR]';
export const WORKER_USAGE = 'flowexec worker --queue redis://HOST:PORT [--threads N] [--concurrency N]';
export const ASK_USAGE = 'flowexec ask "QUESTION" [--json] [--threads N]';
export const REPORT_USAGE = 'flowexec report RESULT.json -o REPORT.html';
