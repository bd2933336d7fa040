// Reads a question's slots from its tokens: regime and risk phrases, numbers by what surrounds them (sizes,
// horizons, rates, caps, counts), strategies in the order named (percents to their POVs), and the side.
import { isWord, type Token } from './tokenize.js';
import { parseNumberAt, parseDurationAt, parsePercentAt } from './numbers.js';
import {
  STRATEGY_ALIASES,
  UNSUPPORTED_ALGOS,
  DAY_PHRASES,
  REGIME_PHRASES,
  RISK_PHRASES,
  SELL_WORDS,
  BUY_WORDS,
  findPhrases,
  type StrategyType,
  type Level,
} from './lexicon.js';
import { fmt, type Slots } from './intents.js';
import { has, before, CAP_WORDS, TRADE_WORDS } from './phrasing.js';

export interface Reading {
  slots: Slots;
  /** What was read but not used, or assumed. */
  notes: string[];
  /** Slots given twice with different values ("two order sizes (...)"). */
  conflicts: string[];
  /** Tokens a slot took. */
  used: boolean[];
  /** Algorithms FlowExec does not model, as named in the question. */
  unsupported: Array<{ value: string }>;
  /** Percents read but given to nothing (no POV, no cap). */
  pending: Array<{ fraction: number; at: number }>;
}

export function readSlots(tokens: Token[]): Reading {
  const slots: Slots = { strategies: [] };
  const notes: string[] = [];
  const used = tokens.map(() => false);
  const mark = (start: number, end: number) => {
    for (let k = start; k < end; k++) used[k] = true;
  };
  const conflicts: string[] = [];
  const setOnce = <K extends keyof Slots>(key: K, value: Slots[K], what: string) => {
    if (slots[key] !== undefined && slots[key] !== value)
      conflicts.push(`two ${what}s (${String(slots[key])} and ${String(value)})`);
    slots[key] = value;
  };

  // unsupported algorithms and regime / risk phrases first: their words must not read as strategies or sizes
  const unsupported = findPhrases(
    tokens,
    UNSUPPORTED_ALGOS.flatMap(([name, ps]) => ps.map((p): [string, string] => [name, p])),
    used,
  );
  for (const r of findPhrases(
    tokens,
    REGIME_PHRASES.map(([dim, level, p]): [string, string] => [`${dim}:${level}`, p]),
    used,
  )) {
    const [dim, level] = r.value.split(':') as ['volatility' | 'liquidity', Level];
    setOnce(dim, level, `${dim} level`);
  }
  for (const _ of findPhrases(
    tokens,
    DAY_PHRASES.map((p): [number, string] => [390, p]),
    used,
  ))
    setOnce('horizonMinutes', 390, 'horizon');
  for (const r of findPhrases(
    tokens,
    RISK_PHRASES.map(([v, p]): [number, string] => [v, p]),
    used,
  ))
    setOnce('riskAversion', r.value, 'risk aversion');

  // numbers with what follows or precedes them
  const percents: Array<{ fraction: number; at: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const pct = parsePercentAt(tokens, i);
    if (pct) {
      const after = tokens
        .slice(pct.end, pct.end + 4)
        .filter((t) => t.kind === 'word')
        .map((t) => t.text);
      const ofDaily =
        isWord(tokens[pct.end], 'of') &&
        (after.includes('adv') || after.includes('daily') || (after.includes('day') && !after.includes('volume')));
      const sideBefore = before(tokens, i, 2, ...SELL_WORDS, ...BUY_WORDS);
      if (ofDaily || (sideBefore && isWord(tokens[pct.end], 'of') && !has(tokens, 'pov'))) {
        setOnce('sharesFractionOfDailyVolume', pct.fraction, 'order size');
      } else if (before(tokens, i, 4, ...CAP_WORDS) && !before(tokens, i, 2, 'pov')) {
        setOnce('participationCap', pct.fraction, 'participation cap');
        for (let k = Math.max(0, i - 4); k < i; k++)
          if (isWord(tokens[k], 'participation', 'participate', 'participating')) used[k] = true;
      } else {
        percents.push({ fraction: pct.fraction, at: i });
      }
      mark(i, pct.end);
      continue;
    }
    const duration = parseDurationAt(tokens, i);
    if (duration) {
      setOnce('horizonMinutes', duration.minutes, 'horizon');
      mark(i, duration.end);
      continue;
    }
    const n = parseNumberAt(tokens, i);
    if (!n) continue;
    const next = tokens[n.end];
    if (isWord(next, 'paths', 'path', 'simulations', 'scenarios', 'runs')) {
      setOnce('paths', n.value, 'path count');
      mark(i, n.end + 1);
    } else if (before(tokens, i, 2, 'seed')) {
      setOnce('seed', n.value, 'seed');
      mark(i, n.end);
    } else if (before(tokens, i, 3, 'aversion', 'lambda')) {
      setOnce('riskAversion', n.value, 'risk aversion');
      mark(i, n.end);
    } else if (TRADE_WORDS.includes(next?.kind === 'word' ? next.text : '') && !n.multiplied) {
      setOnce('count', n.value, 'trade count');
      mark(i, n.end);
    } else if (
      (i > 0 && tokens[i - 1]!.kind === 'symbol' && tokens[i - 1]!.text === '$') ||
      isWord(next, 'dollars', 'usd', 'eur', 'euros')
    ) {
      setOnce('notional', n.value, 'order size');
      mark(i, n.end);
    } else if (
      isWord(next, 'shares', 'share', 'stock', 'stocks') ||
      n.multiplied ||
      before(tokens, i, 2, ...SELL_WORDS, ...BUY_WORDS)
    ) {
      setOnce('shares', n.value, 'order size');
      mark(i, n.end + (isWord(next, 'shares', 'share') ? 1 : 0));
    } else if (isWord(next, 'bps', 'bp', 'basis')) {
      notes.push(`ignored ${fmt(n.value)} bps (a cost is an output here, not an input)`);
      mark(i, n.end + 1);
    } else {
      notes.push(`ignored the number ${fmt(n.value)} (not a size, horizon, rate or count)`);
      mark(i, n.end);
    }
  }

  // strategies, in the order they are named
  const found = findPhrases(
    tokens,
    STRATEGY_ALIASES.flatMap(([type, ps]) => ps.map((p): [StrategyType, string] => [type, p])),
    used,
  );
  for (const f of found) slots.strategies.push({ type: f.value });
  // percents go to the POVs named before them (or the first POV); more percents than POVs are more POVs
  const povs = found.map((f, k) => ({ f, k })).filter(({ f }) => f.value === 'pov');
  const pending = [...percents];
  for (const { f, k } of povs) {
    const p = pending.find((x) => x.at >= f.start) ?? pending[0];
    if (!p) continue;
    pending.splice(pending.indexOf(p), 1);
    slots.strategies[k]!.rate = p.fraction;
  }
  if (povs.length > 0) for (const p of pending.splice(0)) slots.strategies.push({ type: 'pov', rate: p.fraction });
  const volumeShare = pending.find((p) => isWord(tokens[p.at + 2], 'of') && isWord(tokens[p.at + 3], 'volume', 'the'));
  if (volumeShare && povs.length === 0) {
    slots.strategies.push({ type: 'pov', rate: volumeShare.fraction });
    pending.splice(pending.indexOf(volumeShare), 1);
  }
  // the same strategy twice (an alias and its name) counts once
  slots.strategies = slots.strategies.filter(
    (s, k, all) => all.findIndex((o) => o.type === s.type && o.rate === s.rate) === k,
  );
  if (slots.riskAversion !== undefined)
    for (const s of slots.strategies) if (s.type.includes('almgren')) s.riskAversion = slots.riskAversion;

  // side
  const sells = has(tokens, ...SELL_WORDS),
    buys = has(tokens, ...BUY_WORDS);
  if (sells && buys) conflicts.push('both a buy and a sell');
  else if (sells) slots.side = 'sell';
  else if (buys) slots.side = 'buy';

  return { slots, notes, conflicts, used, unsupported, pending };
}
