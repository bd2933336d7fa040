// flowexec evaluate CONFIG.json: every strategy on common paths; a table, one JSON line, or a full report file.
import { EVALUATE_USAGE } from './usage.js';
import { dirname, resolve, isAbsolute, join } from 'node:path';
import { parseEvaluationConfig, type EvaluationConfig } from '../eval/config.js';
import { parsePolicyFile, type PolicyFile } from '../strategies/policy-file.js';
import { evaluate } from '../index.js';
import { evaluationCsv } from '../eval/report-csv.js';
import { InputError } from '../errors/input-error.js';
import { parseCommand, integerOption, threadsOption, choiceOption } from './args.js';
import { readJsonFile, outputTarget, writeAtomically, expectDocument } from './files.js';
import { executorFor } from '../runtime/node-pool.js';
import { progressBar } from './progress.js';
import { formatEvaluation } from './format-evaluation.js';
import { adoptPolicyObjective, policyMismatches } from '../eval/policy-match.js';
import { saveLastRun } from '../runtime/node-last-run.js';
import { nodeSamplePaths } from '../runtime/node-sample-paths.js';
import { reportHtml } from '../web/report-html.js';
import { readReportAssets } from '../runtime/node-web-assets.js';
import { REMOTE_OPTIONS, remoteExecutor } from './remote.js';
import { buildInfo } from '../runtime/provenance.js';
import { EVALUATE_HISTORY_OPTIONS, regimeOption, recordEvaluation } from './evaluate-history.js';

/** Policy files of the config's `policy` strategies, relative paths from the config's folder, validated. */
export function loadPolicies(config: EvaluationConfig, base: string): Map<string, PolicyFile> {
  const policies = new Map<string, PolicyFile>();
  config.strategies.forEach((s, i) => {
    if (s.type !== 'policy' || policies.has(s.file)) return;
    const path = isAbsolute(s.file) ? s.file : join(base, s.file);
    policies.set(s.file, parsePolicyFile(readJsonFile(path, `strategies.${i}.file`), s.file));
  });
  return policies;
}

export async function evaluateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      paths: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      precision: { type: 'string' },
      strict: { type: 'boolean' },
      schedules: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'shard-paths': { type: 'string' },
      ...REMOTE_OPTIONS,
      ...EVALUATE_HISTORY_OPTIONS,
    },
    1,
  );
  if (values.help) {
    console.log(`usage: ${EVALUATE_USAGE}`);
    return;
  }
  if (positionals.length === 0) throw new InputError(`missing CONFIG.json (usage: ${EVALUATE_USAGE})`);
  const raw = readJsonFile(positionals[0]!, 'config file');
  expectDocument(raw, positionals[0]!, ['evaluation']);
  const config = parseEvaluationConfig(raw);
  const policies = loadPolicies(config, dirname(resolve(positionals[0]!)));
  const notes: string[] = [];
  const adopted = adoptPolicyObjective(config, raw, policies.values());
  if (adopted.length > 0)
    notes.push(`from the policy's training: ${adopted.join(', ')} (set them in "evaluation" to override)`);
  for (const [file, policy] of policies) {
    const differs = policyMismatches(config, policy);
    if (differs.length === 0) continue;
    if (values.strict)
      throw new InputError(`--strict: policy ${file} was trained for another setting: ${differs.join('; ')}`, 'strict');
    notes.push(`warning: policy ${file} was trained for another setting: ${differs.join('; ')}`);
  }
  for (const note of notes) console.error(note);
  const paths = integerOption(values, 'paths', 1, 4_000_000_000);
  const seed = integerOption(values, 'seed', 0, Number.MAX_SAFE_INTEGER);
  const precision = choiceOption(values, 'precision', ['f64', 'f32'] as const);
  if (precision) config.evaluation.precision = precision;
  const threads = threadsOption(values);
  const regime = regimeOption(values);
  const shardPaths = integerOption(values, 'shard-paths', 1000, 1e9);
  if (shardPaths !== undefined && shardPaths % 1000 !== 0)
    throw new InputError(`--shard-paths must be a multiple of 1000 (one chunk), got ${shardPaths}`, 'shard-paths');
  const target = outputTarget(values.out, 'out', ['json', 'csv', 'html'] as const);
  const executor = (await remoteExecutor(values)) ?? (await executorFor(threads));
  const bar = progressBar(config.name, 'paths');
  let result;
  try {
    // the library's evaluate (what `import { evaluate } from 'flowexec'` runs), on this command's executor
    result = await evaluate(config, {
      executor,
      paths,
      seed,
      precision,
      policies,
      schedules: values.schedules,
      shardPaths,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
    await executor.close();
  }
  // a few sample paths with each strategy's child orders, for the report's charts (never fails the evaluation)
  const samples = await nodeSamplePaths(config, result, policies).catch(() => undefined);
  if (samples) result.samplePaths = samples;
  // self-describing results: the resolved config (defaults filled in, run overrides applied), version and wasm build
  const resolved = { ...config, evaluation: { ...config.evaluation, paths: result.paths, seed: result.seed } };
  const report = {
    ...result,
    provenance: { ...buildInfo(), config: resolved, seed: result.seed, paths: result.paths, threads: result.threads },
  };
  if (target) {
    writeAtomically(
      target.path,
      target.format === 'csv'
        ? evaluationCsv(report)
        : target.format === 'html'
          ? reportHtml(report, readReportAssets())
          : JSON.stringify(report, null, 2) + '\n',
    );
  }
  // kept for `flowexec ask` ("how did the strategies perform?"); a failure to keep it never fails the evaluation
  await saveLastRun(config, result, 'flowexec evaluate').catch(() => {});
  await recordEvaluation(values, regime, config, result);
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(formatEvaluation(result));
    if (target) console.log(`\nreport written to ${target.path}`);
  }
}
