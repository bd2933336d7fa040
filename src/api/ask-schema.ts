// POST /v1/ask: the request (a question in words) and the response (intent, structured request, answer) schemas.
import { z } from 'zod';

/** Longest question accepted (a sentence, not a document). */
export const MAX_QUESTION_CHARS = 1000;

export const askRequestSchema = z.strictObject({
  question: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`)
    .describe('a question in words, e.g. "compare TWAP and VWAP for selling 2M shares over 2 hours"'),
  includeResult: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe('also return the evaluation config and result (the result of `flowexec evaluate --json`) when one ran'),
});

export const askResponseSchema = z.object({
  intent: z
    .string()
    .describe(
      'compare, best, what-if, cost, frontier, last-plan, last-performance, last-trades, last-best, market-conditions, help or refusal',
    ),
  request: z
    .record(z.string(), z.unknown())
    .describe(
      'what the question was read as: the evaluation request (numbers as numbers), the history question, or the refusal reason',
    ),
  answer: z.string().describe('a few sentences with the numbers'),
  config: z.record(z.string(), z.unknown()).optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});
