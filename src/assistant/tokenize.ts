// The assistant's tokenizer: a question as a list of words, numbers and symbols, lower-cased, hyphens split.
//
// Numbers keep their text (2,000,000 and 1.5 and 1e6 are one token each); letters glued to a number (2M, 90min,
// 1.5mm) become a number token and a word token, so the number parser sees "2" "m" whatever the spacing.

export type Token =
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number };

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+(?![a-z]))?|\.\d+)/;
const WORD = /^[a-z]+(?:'[a-z]+)?/;
const SYMBOL = /^[%$?!.,:;=<>+()/]/;

/** Splits `text` into tokens; characters that are none of the kinds (quotes, emoji, ...) are skipped. */
export function tokenize(text: string): Token[] {
  const source = text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2010-\u2015]/g, '-');
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^[\s\-_"'`]+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    const number = NUMBER.exec(rest);
    if (number && !(previous && previous.kind === 'word' && previous.at + previous.text.length === at)) {
      // a minus sign counts where a number starts ("-5 shares"), not inside "1-2" or after a word
      const negative = at > 0 && source[at - 1] === '-' && (at < 2 || /[\s(]/.test(source[at - 2]!));
      const value = Number(number[0].replaceAll(',', ''));
      tokens.push({ kind: 'number', value: negative ? -value : value, text: (negative ? '-' : '') + number[0], at });
      at += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      // "x2" or "q3": letters glued before digits stay one word with them
      const glued = /^[a-z]+\d+[a-z\d]*/.exec(rest);
      const w = glued && !number ? glued[0] : word[0];
      tokens.push({ kind: 'word', text: w, at });
      at += w.length;
      continue;
    }
    const symbol = SYMBOL.exec(rest);
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol[0], at });
      at += 1;
      continue;
    }
    at += 1;
  }
  return tokens;
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && (words.length === 0 || words.includes(token.text));
}
