// GET /v1/policies and /v1/policies/{file}: saved training runs (the policy files of `flowexec serve --policies DIR`)
// with their curves: PPO's mean return, losses, entropy and env-steps/s per iteration, flow matching's loss.
import { Hono } from 'hono';
import type { ApiEnv } from '../context.js';
import { ApiError } from '../errors.js';
import {
  POLICY_FILE_PATTERN,
  summaryOf,
  trainingRunOf,
  type PolicySource,
  type TrainingRun,
} from '../training-runs.js';

/** Files listed at most (the folder is the user's: a large one is cut, newest runs first). */
export const MAX_LISTED_POLICIES = 200;

export function policyRoutes(source: PolicySource | undefined): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  async function run(file: string): Promise<TrainingRun | undefined> {
    const read = await source?.read(file);
    return read ? trainingRunOf(file, read.text, read.log) : undefined;
  }

  app.get('/v1/policies', async (c) => {
    if (!source) return c.json({ directory: null, items: [] });
    const files = (await source.list()).filter((f) => POLICY_FILE_PATTERN.test(f) && !f.endsWith('.log.json'));
    const runs: TrainingRun[] = [];
    for (const file of files) {
      const r = await run(file);
      if (r) runs.push(r);
    }
    runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.file.localeCompare(b.file));
    return c.json({ directory: source.label, items: runs.slice(0, MAX_LISTED_POLICIES).map(summaryOf) });
  });

  app.get('/v1/policies/:file', async (c) => {
    const file = c.req.param('file');
    if (!POLICY_FILE_PATTERN.test(file))
      throw new ApiError(400, 'invalid_request', 'file: must be a file name ending in .json (no folder)', 'file');
    const r = await run(file);
    if (!r) throw new ApiError(404, 'not_found', `file: no saved policy ${file} in the policies folder`, 'file');
    return c.json(r);
  });

  return app;
}
