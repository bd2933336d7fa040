// The intent of a question from its words and the slots read from it (the grammar's last step).
import type { Token } from './tokenize.js';
import type { Intent, Slots } from './intents.js';
import { has, hasSequence, OWN_WORDS, PAST_WORDS, TRADE_WORDS } from './phrasing.js';

/** The first rule that matches wins: history questions, then frontier, what-if, best, compare, cost. */
export function classify(tokens: Token[], slots: Slots): Intent {
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
