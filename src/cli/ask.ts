// flowexec ask "QUESTION" [--json]: the assistant on this machine; reads the last run kept in .flowexec/.
import { ASK_USAGE } from './usage.js';
import { parseCommand, integerOption } from './args.js';
import { InputError } from '../errors/input-error.js';
import { ask } from '../assistant/ask.js';
import { executorFor } from '../runtime/node-pool.js';
import { loadLastRun } from '../runtime/node-last-run.js';

/** Longest question accepted (a sentence, not a document). */
export const MAX_QUESTION_CHARS = 1000;

export async function askCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    { json: { type: 'boolean' }, threads: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    64,
  );
  if (values.help) {
    console.log(`usage: ${ASK_USAGE}`);
    return;
  }
  const question = positionals.join(' ').trim();
  if (question === '') throw new InputError(`missing QUESTION (usage: ${ASK_USAGE})`, 'question');
  if (question.length > MAX_QUESTION_CHARS)
    throw new InputError(`question: at most ${MAX_QUESTION_CHARS} characters (got ${question.length})`, 'question');
  // answers are small evaluations: one thread unless asked (a pool's start-up costs more than it saves)
  const executor = await executorFor(integerOption(values, 'threads', 1, 256) ?? 1);
  let response;
  try {
    response = await ask(question, { executor, lastRun: () => loadLastRun() });
  } finally {
    await executor.close();
  }
  if (values.json)
    console.log(JSON.stringify({ intent: response.intent, request: response.request, answer: response.answer }));
  else console.log(response.answer);
}
