// Word lists and token tests the grammar reads phrasing with: caps, the past tense, "my last", trade words.
import { isWord, type Token } from './tokenize.js';

export const CAP_WORDS = [
  'more',
  'cap',
  'capped',
  'capping',
  'limit',
  'limited',
  'max',
  'maximum',
  'most',
  'exceed',
  'exceeding',
  'above',
  'over',
  'beyond',
];
export const PAST_WORDS = ['performed', 'did', 'was', 'were', 'won', 'came', 'had', 'ran'];
export const OWN_WORDS = ['my', 'last', 'latest', 'previous', 'recent', 'current', 'currently', 'just', 'our', 'saved'];
export const TRADE_WORDS = ['trades', 'trade', 'fills', 'fill', 'orders', 'executions', 'slices', 'child'];

export function has(tokens: Token[], ...words: string[]): boolean {
  return tokens.some((t) => t.kind === 'word' && words.includes(t.text));
}

export function hasSequence(tokens: Token[], phrase: string): boolean {
  const words = phrase.split(' ');
  return tokens.some((_, i) => words.every((w, k) => isWord(tokens[i + k], w)));
}

/** Words within `span` tokens before index i. */
export function before(tokens: Token[], i: number, span: number, ...words: string[]): boolean {
  for (let k = Math.max(0, i - span); k < i; k++) if (isWord(tokens[k], ...words)) return true;
  return false;
}
