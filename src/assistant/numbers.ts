// The assistant's number parser: digits or number words, then multipliers and units (2M, 500k, 1.5mm, 2,000,000,
// two million, half a day, 90 min, 1.5 hours, 10%, 1e6), read from tokens rather than from one regex per phrasing.
import { isWord, type Token } from './tokenize.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

/** Words that multiply the number before them. `m` and `mm` are millions here (the trading desk's convention). */
export const MULTIPLIERS: Record<string, number> = {
  hundred: 1e2,
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  mil: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/** Minutes per time unit word (a trading day is 390 minutes, a week five trading days). */
export const TIME_UNITS: Record<string, number> = {
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  d: 390,
  day: 390,
  days: 390,
  session: 390,
  sessions: 390,
  week: 1950,
  weeks: 1950,
};

const TIME_PREPOSITIONS = ['over', 'in', 'within', 'during', 'for', 'next', 'across', 'about', 'than'];

export interface ParsedNumber {
  value: number;
  /** Token index of the first and one past the last token read. */
  start: number;
  end: number;
  /** A multiplier word was read (2M, 500 thousand): the number is a quantity of shares, not a rate. */
  multiplied: boolean;
}

/** Digits or number words at tokens[i] ("twenty five", "a", "half a"); undefined when there is no number. */
function baseNumber(tokens: Token[], i: number): { value: number; end: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'number') return { value: t.value, end: i + 1 };
  if (t.kind !== 'word') return undefined;
  const next = tokens[i + 1];
  if (t.text === 'half' && isWord(next, 'a', 'an')) return { value: 0.5, end: i + 2 };
  if (t.text === 'a' || t.text === 'an') {
    // "a million", "an hour": the article is one; "a stock" is no number
    return isWord(next) && (next!.text in MULTIPLIERS || next!.text in TIME_UNITS) && next!.text.length > 1
      ? { value: 1, end: i + 1 }
      : undefined;
  }
  if (!(t.text in UNITS)) return undefined;
  let value = UNITS[t.text]!,
    end = i + 1;
  const tail = tokens[end];
  if (value >= 20 && value % 10 === 0 && isWord(tail) && UNITS[tail!.text] !== undefined && UNITS[tail!.text]! < 10) {
    value += UNITS[tail!.text]!;
    end++;
  }
  return { value, end };
}

/** A number with its multipliers and an "and a half" at tokens[i]. */
export function parseNumberAt(tokens: Token[], i: number): ParsedNumber | undefined {
  const base = baseNumber(tokens, i);
  if (!base) return undefined;
  let { value, end } = base;
  if (isWord(tokens[end], 'and') && isWord(tokens[end + 1], 'a', 'an') && isWord(tokens[end + 2], 'half')) {
    value += 0.5;
    end += 3;
  }
  let multiplied = false;
  for (;;) {
    const w = tokens[end];
    if (!isWord(w) || !(w!.text in MULTIPLIERS)) break;
    if (w!.text === 'm' && isMinutesM(tokens, i, end)) break;
    value *= MULTIPLIERS[w!.text]!;
    end++;
    multiplied = true;
  }
  return { value, start: i, end, multiplied };
}

/** "over 90m": an m after a time preposition and before no "shares" is minutes, not millions. */
function isMinutesM(tokens: Token[], start: number, mAt: number): boolean {
  const before = tokens[start - 1];
  const after = tokens[mAt + 1];
  return isWord(before, ...TIME_PREPOSITIONS) && !isWord(after, 'shares', 'share', 'of', 'stock');
}

/** Minutes of a duration starting at tokens[i] ("90 min", "1.5 hours", "half a day", "an hour", "2 trading days"). */
export function parseDurationAt(tokens: Token[], i: number): { minutes: number; end: number } | undefined {
  const n = parseNumberAt(tokens, i);
  if (!n) return undefined;
  let at = n.end;
  if (isWord(tokens[at], 'trading')) at++;
  const unit = tokens[at];
  if (isWord(unit, 'm') && isMinutesM(tokens, i, at)) return { minutes: n.value, end: at + 1 };
  if (!isWord(unit) || !(unit!.text in TIME_UNITS)) return undefined;
  return { minutes: n.value * TIME_UNITS[unit!.text]!, end: at + 1 };
}

/** A percentage at tokens[i] ("10%", "10 percent", "10 pct"): the fraction (0.1). */
export function parsePercentAt(tokens: Token[], i: number): { fraction: number; end: number } | undefined {
  const n = parseNumberAt(tokens, i);
  if (!n || n.multiplied) return undefined;
  const sign = tokens[n.end];
  if ((sign?.kind === 'symbol' && sign.text === '%') || isWord(sign, 'percent', 'pct'))
    return { fraction: n.value / 100, end: n.end + 1 };
  if (isWord(sign, 'per') && isWord(tokens[n.end + 1], 'cent')) return { fraction: n.value / 100, end: n.end + 2 };
  return undefined;
}
