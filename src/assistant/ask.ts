// The assistant end to end: question -> intent and request -> evaluation on the engine (or the last run) -> answer.
import type { ShardExecutor } from '../eval/executor.js';
import type { EvaluationResult } from '../eval/evaluate.js';
import { evaluate } from '../library/evaluate.js';
import type { EvaluationConfig } from '../eval/config.js';
import { InputError } from '../errors/input-error.js';
import { defaultStrategyName } from '../strategies/spec.js';
import { parseQuestion, type Intent, type HistoryIntent } from './grammar.js';
import { buildRequest } from './request.js';
import { answerEvaluation, answerHistory, answerHelp, answerRefusal } from './answer.js';
import type { LastRun } from './last-run.js';

export interface AskDeps {
  executor: ShardExecutor;
  /** The user's last run (the runtime reads it: a file on the CLI, the job store on the server). */
  lastRun?: () => Promise<LastRun | undefined>;
  /** Cap on paths x steps x (strategies + frontier points) of the evaluation a question starts. */
  maxPathSteps?: number;
  signal?: AbortSignal;
}

export interface AskResponse {
  intent: Intent;
  /** What the question was read as: the evaluation request, the history question, or why it was refused. */
  request: Record<string, unknown>;
  answer: string;
  /** The evaluation that was run, when one was. */
  config?: EvaluationConfig;
  result?: EvaluationResult;
}

const HISTORY: Intent[] = ['last-plan', 'last-performance', 'last-trades', 'last-best', 'market-conditions'];

export async function ask(question: string, deps: AskDeps): Promise<AskResponse> {
  const parsed = parseQuestion(question);
  if (parsed.intent === 'refusal') {
    return {
      intent: 'refusal',
      request: { reason: parsed.refusal!.reason, notes: parsed.notes },
      answer: answerRefusal(parsed),
    };
  }
  if (parsed.intent === 'help') return { intent: 'help', request: {}, answer: answerHelp() };
  if (HISTORY.includes(parsed.intent)) {
    const run = await deps.lastRun?.();
    const count = parsed.slots.count ?? 5;
    return {
      intent: parsed.intent,
      request: { source: run ? run.source : null, ...(parsed.intent === 'last-trades' ? { count } : {}) },
      answer: answerHistory(parsed.intent as HistoryIntent, run, count),
    };
  }
  const run = parsed.intent === 'what-if' ? await deps.lastRun?.() : undefined;
  const baseline = run
    ? run.config.strategies.find((s) => defaultStrategyName(s) === run.result.ranking[0])
    : undefined;
  let built;
  try {
    built = buildRequest(parsed, { base: run?.config, baseline, maxPathSteps: deps.maxPathSteps });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const refusal = {
      ...parsed,
      intent: 'refusal' as const,
      refusal: { reason: 'invalid' as const, message: `the request is not a valid evaluation (${error.message})` },
    };
    return { intent: 'refusal', request: { reason: 'invalid', notes: parsed.notes }, answer: answerRefusal(refusal) };
  }
  const result = await evaluate(built.config, { executor: deps.executor, signal: deps.signal });
  const notes = parsed.notes.length > 0 ? ` (Note: ${parsed.notes.join('; ')}.)` : '';
  return {
    intent: parsed.intent,
    request: { ...built.request },
    answer: answerEvaluation(built.request, result) + notes,
    config: built.config,
    result,
  };
}
