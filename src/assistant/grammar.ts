// The assistant's grammar: a question's tokens -> one intent and its slots (strategies, side, size, horizon,
// participation, regime, risk aversion), or a refusal that says why. Pure: no engine, no files. The steps live
// beside it: slot-reader.ts (slots), slot-checks.ts (misspellings, impossible values), classify.ts (the intent).
import { tokenize } from './tokenize.js';
import { DOMAIN_WORDS, STRATEGY_LABEL } from './lexicon.js';
import { refuse, fmt, type ParsedQuestion } from './intents.js';
import { readSlots } from './slot-reader.js';
import { checkSlots } from './slot-checks.js';
import { classify } from './classify.js';

export * from './intents.js';

export function parseQuestion(question: string): ParsedQuestion {
  const tokens = tokenize(question);
  if (!tokens.some((t) => t.kind !== 'symbol')) return refuse('empty', 'the question is empty', { strategies: [] });
  const { slots, notes, conflicts, used, unsupported, pending } = readSlots(tokens);
  if (unsupported.length > 0) {
    return refuse(
      'unsupported',
      `FlowExec does not model ${unsupported[0]!.value}; it evaluates ${Object.values(STRATEGY_LABEL).join(', ')} and trained policies`,
      slots,
      notes,
    );
  }
  if (conflicts.length > 0)
    return refuse('ambiguous', `the question has ${conflicts.join(' and ')}: say which one you mean`, slots, notes);

  const problem = checkSlots(tokens, used, slots, notes);
  if (problem) return problem;

  const intent = classify(tokens, slots);
  if (intent === 'refusal') {
    const inDomain =
      tokens.some((t) => t.kind === 'word' && DOMAIN_WORDS.has(t.text)) ||
      slots.strategies.length > 0 ||
      slots.volatility ||
      slots.liquidity;
    return inDomain
      ? refuse(
          'ambiguous',
          'I could not tell what to compute: name strategies, an order or a question about your last run',
          slots,
          notes,
        )
      : refuse(
          'out-of-scope',
          'that is outside what FlowExec answers (trade execution: strategies, costs, risk, your runs)',
          slots,
          notes,
        );
  }
  if (pending.length > 0 && (intent === 'compare' || intent === 'best' || intent === 'cost' || intent === 'what-if')) {
    return refuse(
      'ambiguous',
      `I read ${pending.map((p) => `${fmt(100 * p.fraction)}%`).join(', ')} but not what it applies to: say "POV at 10%" or "cap participation at 10%"`,
      slots,
      notes,
    );
  }
  if (intent === 'compare' && slots.strategies.length === 1)
    notes.push(
      `compared against ${slots.strategies[0]!.type === 'twap' ? 'VWAP' : 'TWAP'} (only one strategy was named)`,
    );
  return { intent, slots, notes };
}
