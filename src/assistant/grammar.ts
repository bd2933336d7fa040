// The assistant's grammar: a question's tokens -> one intent and its slots (strategies, side, size, horizon,
// participation, regime, risk aversion), or a refusal that says why. Pure: no engine, no files.
import { tokenize, isWord, type Token } from './tokenize.js';
import { parseNumberAt, parseDurationAt, parsePercentAt } from './numbers.js';
import {
  STRATEGY_ALIASES,
  UNSUPPORTED_ALGOS,
  DAY_PHRASES,
  REGIME_PHRASES,
  RISK_PHRASES,
  SELL_WORDS,
  BUY_WORDS,
  DOMAIN_WORDS,
  STRATEGY_LABEL,
  findPhrases,
  editDistance,
  type StrategyType,
  type Level,
} from './lexicon.js';

export type EvaluationIntent = 'compare' | 'best' | 'what-if' | 'cost' | 'frontier';
export type HistoryIntent = 'last-plan' | 'last-performance' | 'last-trades' | 'last-best' | 'market-conditions';
export type Intent = EvaluationIntent | HistoryIntent | 'help' | 'refusal';

export interface StrategySlot {
  type: StrategyType;
  /** POV's participation rate, a fraction. */
  rate?: number;
  /** Almgren-Chriss risk aversion (same units as the evaluation's). */
  riskAversion?: number;
}

export interface Slots {
  side?: 'sell' | 'buy';
  shares?: number;
  /** Order size given as a fraction of daily volume ("5% of ADV"). */
  sharesFractionOfDailyVolume?: number;
  /** Order size given as money ("$10M"): shares = notional / price. */
  notional?: number;
  horizonMinutes?: number;
  strategies: StrategySlot[];
  participationCap?: number;
  riskAversion?: number;
  volatility?: Level;
  liquidity?: Level;
  paths?: number;
  seed?: number;
  /** How many trades ("the last 5 trades"). */
  count?: number;
}

export type RefusalReason = 'empty' | 'out-of-scope' | 'ambiguous' | 'invalid' | 'unknown-strategy' | 'unsupported';

export interface ParsedQuestion {
  intent: Intent;
  slots: Slots;
  refusal?: { reason: RefusalReason; message: string };
  /** What was read but not used, or assumed. */
  notes: string[];
}

export const EXAMPLE_QUESTIONS = [
  'compare TWAP and VWAP for selling 2M shares of a high-volatility stock over 2 hours',
  'which strategy is best in low liquidity?',
  'what if I use POV at 10%?',
  'how much does it cost to buy 500k shares over 90 min with VWAP?',
  'show the efficient frontier for selling 1.5mm shares over a day',
  'how did the strategies perform?',
  'which strategy performed best?',
  'what is the current execution plan?',
  'show me the last 5 trades',
  'what are the current market conditions?',
];

const CAP_WORDS = [
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
const PAST_WORDS = ['performed', 'did', 'was', 'were', 'won', 'came', 'had', 'ran'];
const OWN_WORDS = ['my', 'last', 'latest', 'previous', 'recent', 'current', 'currently', 'just', 'our', 'saved'];
const TRADE_WORDS = ['trades', 'trade', 'fills', 'fill', 'orders', 'executions', 'slices', 'child'];

function has(tokens: Token[], ...words: string[]): boolean {
  return tokens.some((t) => t.kind === 'word' && words.includes(t.text));
}

function hasSequence(tokens: Token[], phrase: string): boolean {
  const words = phrase.split(' ');
  return tokens.some((_, i) => words.every((w, k) => isWord(tokens[i + k], w)));
}

/** Words within `span` tokens before index i. */
function before(tokens: Token[], i: number, span: number, ...words: string[]): boolean {
  for (let k = Math.max(0, i - span); k < i; k++) if (isWord(tokens[k], ...words)) return true;
  return false;
}

function refuse(reason: RefusalReason, message: string, slots: Slots, notes: string[] = []): ParsedQuestion {
  return { intent: 'refusal', slots, refusal: { reason, message }, notes };
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });

export function parseQuestion(question: string): ParsedQuestion {
  const tokens = tokenize(question);
  const slots: Slots = { strategies: [] };
  const notes: string[] = [];
  if (!tokens.some((t) => t.kind !== 'symbol')) return refuse('empty', 'the question is empty', slots);
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

  // invalid values get a reply naming them (the config's own validation catches the rest)
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

function classify(tokens: Token[], slots: Slots): Intent {
  const own = has(tokens, ...OWN_WORDS);
  const past = has(tokens, ...PAST_WORDS);
  const hasOrder =
    slots.shares !== undefined ||
    slots.sharesFractionOfDailyVolume !== undefined ||
    slots.notional !== undefined ||
    slots.horizonMinutes !== undefined;
  const evaluation =
    slots.strategies.length > 0 || hasOrder || slots.volatility !== undefined || slots.liquidity !== undefined;
  if (
    (has(tokens, 'help', 'examples', 'example') ||
      hasSequence(tokens, 'what can you do') ||
      hasSequence(tokens, 'what can i ask')) &&
    !evaluation
  )
    return 'help';
  if (
    (has(tokens, 'conditions', 'regime') || hasSequence(tokens, 'market state')) &&
    !hasOrder &&
    slots.strategies.length === 0
  )
    return 'market-conditions';
  if (
    has(tokens, ...TRADE_WORDS) &&
    (own || has(tokens, 'show', 'list') || slots.count !== undefined) &&
    !hasOrder &&
    slots.strategies.length === 0 &&
    !has(tokens, 'plan', 'schedule')
  )
    return 'last-trades';
  if (
    has(tokens, 'plan', 'schedule') &&
    (own || has(tokens, 'the')) &&
    !hasOrder &&
    slots.strategies.length === 0 &&
    !has(tokens, 'if', 'suppose')
  )
    return 'last-plan';
  if (past && !hasOrder && !has(tokens, 'if', 'would')) {
    if (has(tokens, 'best', 'winner', 'won', 'top', 'cheapest', 'first')) return 'last-best';
    if (has(tokens, 'perform', 'performed', 'performance', 'go', 'results', 'result', 'do', 'strategies', 'run'))
      return 'last-performance';
  }
  if (own && has(tokens, 'results', 'result', 'performance', 'run') && !hasOrder && slots.strategies.length === 0)
    return 'last-performance';
  if (
    has(tokens, 'frontier', 'tradeoff') ||
    hasSequence(tokens, 'trade off') ||
    hasSequence(tokens, 'risk versus cost') ||
    hasSequence(tokens, 'risk vs cost')
  )
    return 'frontier';
  if (
    (hasSequence(tokens, 'what if') ||
      has(tokens, 'suppose', 'instead', 'switch', 'switched', 'imagine') ||
      hasSequence(tokens, 'what about') ||
      hasSequence(tokens, 'how about')) &&
    evaluation
  )
    return 'what-if';
  if (
    has(tokens, 'best', 'cheapest', 'recommend', 'recommended', 'better', 'lowest', 'ideal') ||
    hasSequence(tokens, 'which strategy') ||
    hasSequence(tokens, 'optimal strategy') ||
    hasSequence(tokens, 'which algo') ||
    hasSequence(tokens, 'should i')
  ) {
    return evaluation || has(tokens, 'strategy', 'strategies', 'algo', 'algorithm') ? 'best' : 'refusal';
  }
  if (
    has(tokens, 'compare', 'comparing', 'comparison', 'vs', 'versus', 'against', 'difference') ||
    slots.strategies.length >= 2
  )
    return evaluation || has(tokens, 'strategies') ? 'compare' : 'refusal';
  if (evaluation && (slots.strategies.length > 0 || hasOrder)) return 'cost';
  return 'refusal';
}
