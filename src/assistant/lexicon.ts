// The assistant's vocabulary: strategies and their aliases, regime words, sides, risk words, unsupported algos.
import type { Token } from './tokenize.js';

export type StrategyType = 'twap' | 'vwap' | 'pov' | 'almgren-chriss' | 'adaptive-almgren-chriss';

/** Aliases as word sequences (hyphens are spaces after tokenising); longest match wins. */
export const STRATEGY_ALIASES: Array<[StrategyType, string[]]> = [
  [
    'adaptive-almgren-chriss',
    ['adaptive almgren chriss', 'adaptive ac', 'adaptive almgren', 'aac', 'dynamic almgren chriss', 'adaptive'],
  ],
  [
    'almgren-chriss',
    [
      'almgren chriss',
      'almgren',
      'ac',
      'optimal execution',
      'mean variance',
      'risk averse schedule',
      'efficient schedule',
      'is algo',
      'arrival price',
    ],
  ],
  [
    'twap',
    [
      'twap',
      'twaps',
      'time weighted average price',
      'time weighted',
      'evenly',
      'equal slices',
      'uniform schedule',
      'linear schedule',
    ],
  ],
  ['vwap', ['vwap', 'vwaps', 'volume weighted average price', 'volume weighted', 'volume curve']],
  [
    'pov',
    [
      'pov',
      'percent of volume',
      'percentage of volume',
      'participation',
      'participate',
      'participating',
      'inline',
      'in line with volume',
    ],
  ],
];

/** Execution algorithms people ask about that FlowExec does not model. */
export const UNSUPPORTED_ALGOS: Array<[string, string[]]> = [
  ['iceberg orders', ['iceberg', 'icebergs']],
  ['sniper / liquidity-seeking algos', ['sniper', 'liquidity seeking', 'seeker', 'guerrilla', 'stealth']],
  ['market-on-close orders', ['moc', 'market on close', 'closing auction']],
  ['dark pools', ['dark pool', 'dark pools', 'dark']],
  ['limit order placement', ['limit order', 'limit orders', 'passive posting']],
];

export const STRATEGY_LABEL: Record<StrategyType, string> = {
  twap: 'TWAP',
  vwap: 'VWAP',
  pov: 'POV',
  'almgren-chriss': 'Almgren-Chriss',
  'adaptive-almgren-chriss': 'adaptive Almgren-Chriss',
};

export const SELL_WORDS = [
  'sell',
  'selling',
  'sells',
  'sold',
  'sale',
  'liquidate',
  'liquidating',
  'unwind',
  'unwinding',
  'dispose',
  'offload',
  'dump',
  'exit',
];
export const BUY_WORDS = [
  'buy',
  'buying',
  'buys',
  'bought',
  'purchase',
  'purchasing',
  'acquire',
  'acquiring',
  'accumulate',
  'accumulating',
];

export type Level = 'low' | 'normal' | 'high';

/** Regime phrases: [dimension, level, phrase]. */
export const REGIME_PHRASES: Array<['volatility' | 'liquidity', Level, string]> = [
  ['volatility', 'high', 'high volatility'],
  ['volatility', 'high', 'high vol'],
  ['volatility', 'high', 'highly volatile'],
  ['volatility', 'high', 'very volatile'],
  ['volatility', 'high', 'volatile'],
  ['volatility', 'high', 'turbulent'],
  ['volatility', 'high', 'stressed'],
  ['volatility', 'high', 'volatility is high'],
  ['volatility', 'high', 'higher volatility'],
  ['volatility', 'high', 'more volatile'],
  ['volatility', 'high', 'vol is high'],
  ['volatility', 'low', 'volatility is low'],
  ['volatility', 'low', 'lower volatility'],
  ['volatility', 'low', 'less volatile'],
  ['liquidity', 'low', 'liquidity is low'],
  ['liquidity', 'low', 'lower liquidity'],
  ['liquidity', 'low', 'less liquid'],
  ['liquidity', 'low', 'less liquidity'],
  ['liquidity', 'high', 'liquidity is high'],
  ['liquidity', 'high', 'more liquid'],
  ['liquidity', 'high', 'higher liquidity'],
  ['volatility', 'high', 'choppy'],
  ['volatility', 'high', 'wild'],
  ['volatility', 'low', 'low volatility'],
  ['volatility', 'low', 'low vol'],
  ['volatility', 'low', 'calm'],
  ['volatility', 'low', 'quiet'],
  ['volatility', 'low', 'stable'],
  ['volatility', 'normal', 'normal volatility'],
  ['liquidity', 'low', 'low liquidity'],
  ['liquidity', 'low', 'illiquid'],
  ['liquidity', 'low', 'thinly traded'],
  ['liquidity', 'low', 'thin'],
  ['liquidity', 'low', 'small cap'],
  ['liquidity', 'low', 'low volume'],
  ['liquidity', 'low', 'poor liquidity'],
  ['liquidity', 'low', 'little liquidity'],
  ['liquidity', 'high', 'high liquidity'],
  ['liquidity', 'high', 'highly liquid'],
  ['liquidity', 'high', 'very liquid'],
  ['liquidity', 'high', 'liquid'],
  ['liquidity', 'high', 'large cap'],
  ['liquidity', 'high', 'deep'],
  ['liquidity', 'high', 'high volume'],
  ['liquidity', 'normal', 'normal liquidity'],
];

/** Risk words and the risk aversion (score = E[IS/N] + lambda Var[IS/N]) each stands for. */
export const RISK_PHRASES: Array<[number, string]> = [
  [0, 'risk neutral'],
  [0, 'cost only'],
  [0, 'minimise cost'],
  [0, 'minimize cost'],
  [250, 'very risk averse'],
  [250, 'highly risk averse'],
  [250, 'extremely risk averse'],
  [250, 'urgent'],
  [250, 'urgently'],
  [10, 'slightly risk averse'],
  [10, 'mildly risk averse'],
  [10, 'patient'],
  [50, 'risk averse'],
  [50, 'conservative'],
  [50, 'cautious'],
];

/** Phrases that name a horizon of one trading day (390 minutes). */
export const DAY_PHRASES = [
  'over the day',
  'over the session',
  'by the close',
  'by close',
  'by end of day',
  'by the end of the day',
  'until the close',
  'into the close',
  'today',
  'intraday',
  'over the whole day',
  'during the day',
  'full day',
];

/** Words that show a question is about trade execution at all (anything else is out of scope). */
export const DOMAIN_WORDS = new Set([
  'shares',
  'share',
  'stock',
  'stocks',
  'order',
  'orders',
  'trade',
  'trades',
  'trading',
  'execution',
  'execute',
  'executing',
  'strategy',
  'strategies',
  'algo',
  'algos',
  'algorithm',
  'schedule',
  'slippage',
  'shortfall',
  'impact',
  'cost',
  'costs',
  'volatility',
  'liquidity',
  'market',
  'frontier',
  'participation',
  'fills',
  'fill',
  'plan',
  'regime',
  'run',
  'position',
  'block',
  ...SELL_WORDS,
  ...BUY_WORDS,
]);

/** Index of the first match of each phrase of `phrases` in the words, longest phrase first, non-overlapping. */
export function findPhrases<T>(
  tokens: Token[],
  phrases: Array<[T, string]>,
  used: boolean[],
): Array<{ value: T; start: number; end: number; phrase: string }> {
  const sorted = [...phrases].sort((a, b) => b[1].split(' ').length - a[1].split(' ').length);
  const found: Array<{ value: T; start: number; end: number; phrase: string }> = [];
  for (const [value, phrase] of sorted) {
    const words = phrase.split(' ');
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (words.every((w, k) => !used[i + k] && tokens[i + k]!.kind === 'word' && tokens[i + k]!.text === w)) {
        found.push({ value, start: i, end: i + words.length, phrase });
        for (let k = 0; k < words.length; k++) used[i + k] = true;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Levenshtein distance (for "did you mean"), small strings only. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
