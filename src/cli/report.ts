// flowexec report RESULT.json -o REPORT.html: an evaluation result (evaluate --out FILE.json) as one self-contained page.
import { REPORT_USAGE } from './usage.js';
import { parseCommand } from './args.js';
import { readJsonFile, outputTarget, writeAtomically } from './files.js';
import { InputError } from '../errors/input-error.js';
import { reportHtml } from '../web/report-html.js';
import { readReportAssets } from '../runtime/node-web-assets.js';
import type { EvaluationResult } from '../eval/evaluate.js';
import { readEvaluationReport } from '../library/results.js';

/** The fields the charts read; anything else is not an evaluation result. */
function checkResult(value: unknown, path: string): EvaluationResult {
  const r = value as Partial<EvaluationResult> | null;
  const problem =
    !r || typeof r !== 'object'
      ? 'not a JSON object'
      : !Array.isArray(r.strategies) || r.strategies.length === 0
        ? 'no "strategies" list'
        : !Array.isArray(r.ranking)
          ? 'no "ranking" list'
          : !r.strategies.every((s) => s && typeof s.mean === 'number' && Array.isArray(s.ci95) && s.attribution)
            ? 'a strategy without mean, ci95 or attribution'
            : !r.strategies.every((s) => s.distribution && Array.isArray(s.distribution.counts))
              ? 'no IS histograms (made by an older flowexec? run evaluate again)'
              : undefined;
  if (problem)
    throw new InputError(
      `${path}: not an evaluation result of \`flowexec evaluate --out FILE.json\` (${problem})`,
      'RESULT.json',
    );
  return r as EvaluationResult;
}

export async function reportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    1,
  );
  if (values.help) {
    console.log(`usage: ${REPORT_USAGE}`);
    return;
  }
  if (positionals.length === 0) throw new InputError(`missing RESULT.json (usage: ${REPORT_USAGE})`);
  if (values.out === undefined) throw new InputError(`missing -o REPORT.html (usage: ${REPORT_USAGE})`, 'out');
  const target = outputTarget(values.out, 'out', ['html'] as const)!;
  const raw = readJsonFile(positionals[0]!, 'result file');
  // a versioned result has its format and version checked first (a newer version is refused by name); 0.1's carry none
  const versioned = raw !== null && typeof raw === 'object' && ('format' in raw || 'formatVersion' in raw);
  const result = checkResult(versioned ? readEvaluationReport(raw, positionals[0]!) : raw, positionals[0]!);
  writeAtomically(target.path, reportHtml(result, readReportAssets()));
  console.log(`report written to ${target.path}`);
}
