// The assistant's grammar: a table of varied phrasings (right, wrong, ambiguous, out of scope) -> intent and slots, or
// a refusal with its reason; and the number parser on the formats traders write.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseQuestion, type Slots, type Intent, type RefusalReason } from '../../src/assistant/grammar.js';
import { tokenize } from '../../src/assistant/tokenize.js';
import { parseNumberAt, parseDurationAt } from '../../src/assistant/numbers.js';

type Expected = { intent: Intent; slots?: Partial<Slots>; reason?: RefusalReason };
const twap = { type: 'twap' },
  vwap = { type: 'vwap' },
  ac = { type: 'almgren-chriss' },
  aac = { type: 'adaptive-almgren-chriss' };
const pov = (rate?: number) => (rate === undefined ? { type: 'pov' } : { type: 'pov', rate });

const TABLE: Array<[string, Expected]> = [
  // the issue's phrasings
  [
    'compare TWAP and VWAP for selling 2M shares of a high-volatility stock over 2 hours',
    {
      intent: 'compare',
      slots: {
        strategies: [twap, vwap],
        side: 'sell',
        shares: 2e6,
        horizonMinutes: 120,
        volatility: 'high',
      } as Partial<Slots>,
    },
  ],
  ['which strategy is best in low liquidity?', { intent: 'best', slots: { liquidity: 'low', strategies: [] } }],
  ['what if I use POV at 10%?', { intent: 'what-if', slots: { strategies: [pov(0.1)] } as Partial<Slots> }],
  ['what is the current execution plan?', { intent: 'last-plan' }],
  ['how did the strategies perform?', { intent: 'last-performance' }],
  ['show me the last 5 trades', { intent: 'last-trades', slots: { count: 5 } }],
  ['what are the current market conditions?', { intent: 'market-conditions' }],
  ['which strategy performed best?', { intent: 'last-best' }],
  // sizes in every format
  [
    'sell 500k shares with TWAP',
    { intent: 'cost', slots: { shares: 5e5, side: 'sell', strategies: [twap] } as Partial<Slots> },
  ],
  [
    'buy 1.5mm shares using vwap over the day',
    { intent: 'cost', slots: { shares: 1.5e6, side: 'buy', horizonMinutes: 390 } },
  ],
  [
    'how much does it cost to sell 2,000,000 shares over 90 min with VWAP?',
    { intent: 'cost', slots: { shares: 2e6, horizonMinutes: 90 } },
  ],
  [
    'liquidate two million shares in 1.5 hours',
    { intent: 'cost', slots: { shares: 2e6, horizonMinutes: 90, side: 'sell' } },
  ],
  [
    'buy 1e6 shares over 45 minutes with twap',
    { intent: 'cost', slots: { shares: 1e6, horizonMinutes: 45, side: 'buy' } },
  ],
  ['sell 250 thousand shares over half a day', { intent: 'cost', slots: { shares: 2.5e5, horizonMinutes: 195 } }],
  ['sell 3M over 2 days, which algo is best?', { intent: 'best', slots: { shares: 3e6, horizonMinutes: 780 } }],
  [
    'purchase 750,000 shares within an hour using VWAP',
    { intent: 'cost', slots: { shares: 7.5e5, horizonMinutes: 60, side: 'buy' } },
  ],
  [
    'sell 5% of ADV with VWAP',
    { intent: 'cost', slots: { sharesFractionOfDailyVolume: 0.05, strategies: [vwap] } as Partial<Slots> },
  ],
  ['sell $10M of stock over 3 hours with twap', { intent: 'cost', slots: { notional: 1e7, horizonMinutes: 180 } }],
  ['sell 2m shares over 90m with twap', { intent: 'cost', slots: { shares: 2e6, horizonMinutes: 90 } }],
  [
    'unwind a million shares over twenty five minutes with twap',
    { intent: 'cost', slots: { shares: 1e6, horizonMinutes: 25 } },
  ],
  [
    'sell 1 and a half million shares over 2h with vwap',
    { intent: 'cost', slots: { shares: 1.5e6, horizonMinutes: 120 } },
  ],
  // strategies and their aliases
  [
    'compare time-weighted and volume-weighted execution',
    { intent: 'compare', slots: { strategies: [twap, vwap] } as Partial<Slots> },
  ],
  [
    'compare Almgren-Chriss with TWAP for a 1M share sale',
    { intent: 'compare', slots: { strategies: [ac, twap], shares: 1e6 } as Partial<Slots> },
  ],
  [
    'TWAP vs VWAP vs POV at 15%',
    { intent: 'compare', slots: { strategies: [twap, vwap, pov(0.15)] } as Partial<Slots> },
  ],
  ['compare POV at 5% and 20%', { intent: 'compare', slots: { strategies: [pov(0.05), pov(0.2)] } as Partial<Slots> }],
  [
    'how does adaptive AC do against plain AC when selling 1M shares?',
    { intent: 'compare', slots: { strategies: [aac, ac], shares: 1e6 } as Partial<Slots> },
  ],
  [
    'compare percent of volume at 10 percent with twap',
    { intent: 'compare', slots: { strategies: [pov(0.1), twap] } as Partial<Slots> },
  ],
  [
    'what does vwap cost for 400k shares?',
    { intent: 'cost', slots: { strategies: [vwap], shares: 4e5 } as Partial<Slots> },
  ],
  [
    'compare twap to the mean-variance optimal execution',
    { intent: 'compare', slots: { strategies: [twap, ac] } as Partial<Slots> },
  ],
  ['compare vwap', { intent: 'compare', slots: { strategies: [vwap] } as Partial<Slots> }],
  [
    'what if I trade 8% of volume instead?',
    { intent: 'what-if', slots: { strategies: [pov(0.08)] } as Partial<Slots> },
  ],
  // regimes, risk aversion, participation caps
  [
    'which strategy is best for a volatile, illiquid stock?',
    { intent: 'best', slots: { volatility: 'high', liquidity: 'low' } },
  ],
  ['best algo in a calm, liquid market', { intent: 'best', slots: { volatility: 'low', liquidity: 'high' } }],
  [
    'what should I use to sell 1M shares of a thinly traded small cap?',
    { intent: 'best', slots: { liquidity: 'low', shares: 1e6 } },
  ],
  [
    'I am very risk averse: which strategy should I use to sell 2M shares?',
    { intent: 'best', slots: { riskAversion: 250, shares: 2e6 } },
  ],
  [
    'compare twap and almgren chriss with risk aversion 100',
    {
      intent: 'compare',
      slots: { riskAversion: 100, strategies: [twap, { type: 'almgren-chriss', riskAversion: 100 }] } as Partial<Slots>,
    },
  ],
  [
    'risk neutral: best way to buy 300k shares over 3 hours',
    { intent: 'best', slots: { riskAversion: 0, side: 'buy', shares: 3e5, horizonMinutes: 180 } },
  ],
  [
    'sell 1M shares with VWAP, cap participation at 20%',
    { intent: 'cost', slots: { participationCap: 0.2, strategies: [vwap] } as Partial<Slots> },
  ],
  ['sell 1M with twap, never more than 15% of volume', { intent: 'cost', slots: { participationCap: 0.15 } }],
  ['what if volatility is high?', { intent: 'what-if', slots: { volatility: 'high' } }],
  ['what about selling over 4 hours instead', { intent: 'what-if', slots: { horizonMinutes: 240 } }],
  ['suppose I switch to VWAP', { intent: 'what-if', slots: { strategies: [vwap] } as Partial<Slots> }],
  ['compare twap and vwap with 50000 paths and seed 7', { intent: 'compare', slots: { paths: 5e4, seed: 7 } }],
  [
    'show the efficient frontier for selling 1.5mm shares over a day',
    { intent: 'frontier', slots: { shares: 1.5e6, horizonMinutes: 390 } },
  ],
  ['what is the risk vs cost trade-off for 2M shares?', { intent: 'frontier', slots: { shares: 2e6 } }],
  // the user's own work, other phrasings
  ['show me the last 10 fills', { intent: 'last-trades', slots: { count: 10 } }],
  ['list my recent child orders', { intent: 'last-trades' }],
  ['what was the result of my last run?', { intent: 'last-performance' }],
  ['which algo won last time?', { intent: 'last-best' }],
  ['what is my current schedule?', { intent: 'last-plan' }],
  ['what regime is the market in?', { intent: 'market-conditions' }],
  ['help', { intent: 'help' }],
  ['what can you do?', { intent: 'help' }],
  // wrong, ambiguous, out of scope
  ['', { intent: 'refusal', reason: 'empty' }],
  ['what is the weather in Paris?', { intent: 'refusal', reason: 'out-of-scope' }],
  ['tell me a joke', { intent: 'refusal', reason: 'out-of-scope' }],
  ['will AAPL go up tomorrow?', { intent: 'refusal', reason: 'out-of-scope' }],
  ['compare twapp and vwap', { intent: 'refusal', reason: 'unknown-strategy' }],
  ['how does vwp do for 1M shares?', { intent: 'refusal', reason: 'unknown-strategy' }],
  ['should I use an iceberg order to sell 1M shares?', { intent: 'refusal', reason: 'unsupported' }],
  ['compare twap with a dark pool', { intent: 'refusal', reason: 'unsupported' }],
  ['buy and sell 1M shares with TWAP', { intent: 'refusal', reason: 'ambiguous' }],
  ['sell 1M shares over 2 hours or 3 hours with vwap', { intent: 'refusal', reason: 'ambiguous' }],
  ['compare twap and vwap in a calm and volatile market', { intent: 'refusal', reason: 'ambiguous' }],
  ['sell -5 shares with TWAP', { intent: 'refusal', reason: 'invalid' }],
  ['what if I use POV at 150%?', { intent: 'refusal', reason: 'invalid' }],
  ['sell 1M shares with twap at 10%', { intent: 'refusal', reason: 'ambiguous' }],
  ['execution', { intent: 'refusal', reason: 'ambiguous' }],
  ['show me the last 0 trades', { intent: 'refusal', reason: 'invalid' }],
  ['sell 1M shares over 0.2 minutes', { intent: 'refusal', reason: 'invalid' }],
];

test(`the table holds at least 60 phrasings, refusals included`, () => {
  assert.ok(TABLE.length >= 60, `${TABLE.length} phrasings`);
  assert.ok(TABLE.filter(([, e]) => e.intent === 'refusal').length >= 12);
});

for (const [question, expected] of TABLE) {
  test(`"${question}" reads as ${expected.intent}${expected.reason ? ` (${expected.reason})` : ''}`, () => {
    const parsed = parseQuestion(question);
    assert.is(parsed.intent, expected.intent, JSON.stringify(parsed));
    if (expected.reason) assert.is(parsed.refusal?.reason, expected.reason, JSON.stringify(parsed));
    for (const [key, value] of Object.entries(expected.slots ?? {})) {
      assert.equal(
        (parsed.slots as unknown as Record<string, unknown>)[key],
        value,
        `${key}: ${JSON.stringify(parsed.slots)}`,
      );
    }
  });
}

test('the number parser reads 2M, 500k, 1.5mm, 2,000,000, 1e6 and number words', () => {
  const cases: Array<[string, number]> = [
    ['2M', 2e6],
    ['500k', 5e5],
    ['1.5mm', 1.5e6],
    ['2,000,000', 2e6],
    ['1e6', 1e6],
    ['two million', 2e6],
    ['a million', 1e6],
    ['twenty five', 25],
    ['3 bn', 3e9],
    ['1 and a half million', 1.5e6],
    ['.5m', 5e5],
  ];
  for (const [text, value] of cases) assert.is(parseNumberAt(tokenize(text), 0)?.value, value, text);
});

test('the duration parser reads minutes, hours, days and their spellings', () => {
  const cases: Array<[string, number]> = [
    ['90 min', 90],
    ['1.5 hours', 90],
    ['2h', 120],
    ['an hour', 60],
    ['half a day', 195],
    ['2 trading days', 780],
    ['45mins', 45],
    ['1 week', 1950],
  ];
  for (const [text, minutes] of cases) assert.is(parseDurationAt(tokenize(text), 0)?.minutes, minutes, text);
});

test('every refusal says why in words', () => {
  for (const [question, expected] of TABLE.filter(([, e]) => e.intent === 'refusal')) {
    const message = parseQuestion(question).refusal?.message ?? '';
    assert.ok(message.length > 10, question);
  }
});

test.run();
