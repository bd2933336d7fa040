// Checks on the slots a question gave: a misspelt strategy gets "did you mean", an impossible value a reply naming it
// (the config's own validation catches the rest).
import type { Token } from './tokenize.js';
import { editDistance } from './lexicon.js';
import { refuse, fmt, type ParsedQuestion, type Slots } from './intents.js';

/** A refusal for the first problem found, or undefined when the slots can be used. */
export function checkSlots(
  tokens: Token[],
  used: boolean[],
  slots: Slots,
  notes: string[],
): ParsedQuestion | undefined {
  // a misspelt strategy ("twapp", "vwp") gets a "did you mean"
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (
      used[i] ||
      t.kind !== 'word' ||
      t.text.length < 3 ||
      ['swap', 'wrap', 'trap', 'twas', 'what', 'was', 'way'].includes(t.text)
    )
      continue;
    for (const name of ['twap', 'vwap']) {
      if (t.text !== name && editDistance(t.text, name) === 1) {
        return refuse(
          'unknown-strategy',
          `unknown strategy "${t.text}": did you mean ${name.toUpperCase()}?`,
          slots,
          notes,
        );
      }
    }
  }

  if (slots.shares !== undefined && !(slots.shares > 0))
    return refuse(
      'invalid',
      `the order size must be a positive number of shares (got ${fmt(slots.shares)})`,
      slots,
      notes,
    );
  if (slots.horizonMinutes !== undefined && !(slots.horizonMinutes >= 1))
    return refuse(
      'invalid',
      `the horizon must be at least one minute (got ${fmt(slots.horizonMinutes)} min)`,
      slots,
      notes,
    );
  for (const s of slots.strategies)
    if (s.rate !== undefined && !(s.rate > 0 && s.rate <= 1))
      return refuse('invalid', `a POV rate must be between 0% and 100% (got ${fmt(100 * s.rate)}%)`, slots, notes);
  if (slots.participationCap !== undefined && !(slots.participationCap > 0 && slots.participationCap <= 1))
    return refuse(
      'invalid',
      `a participation cap must be between 0% and 100% (got ${fmt(100 * slots.participationCap)}%)`,
      slots,
      notes,
    );
  if (slots.count !== undefined && !(Number.isInteger(slots.count) && slots.count >= 1 && slots.count <= 1000))
    return refuse(
      'invalid',
      `the number of trades must be a whole number from 1 to 1000 (got ${fmt(slots.count)})`,
      slots,
      notes,
    );

  return undefined;
}
