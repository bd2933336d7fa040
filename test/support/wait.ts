// Waiting in tests for something another task does: polls a condition, fails with its name after a deadline.
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Resolves once check() holds, polling every 20 ms; throws "timed out waiting for <what>" after ms. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
