// A ShardExecutor over several FlowExec API instances (Node or edge) without a queue: each shard is one
// POST /v1/shards, sent to the least busy instance, with a timeout, and retried elsewhere when an instance fails.
import type { ShardExecutor } from '../eval/executor.js';
import type { SimulationPlan } from '../eval/plan.js';
import { sourceOf } from '../eval/shard-source.js';
import { planDigest } from '../eval/shard.js';
import { resultRecords, type ShardResult } from '../eval/shard-task.js';
import { InputError } from '../errors/input-error.js';

export interface FanOutOptions {
  /** Shards in flight per instance (each runs on one engine thread there). Default 2. */
  perInstance?: number;
  /** One request's timeout, ms. Default 120 s. */
  timeoutMs?: number;
  /** Attempts per shard across instances. Default 4 + number of instances. */
  attempts?: number;
  /** Sent as a bearer token (the instances' FLOWEXEC_API_TOKEN). */
  token?: string;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

interface Instance {
  url: string;
  busy: number;
  /** Not chosen before this time (ms since epoch) after a failure, unless every instance is cooling down. */
  coolUntil: number;
}

/** Failures worth another attempt: the network, a timeout, 429, 5xx. A 4xx answer is the request's own fault. */
class Retryable extends Error {}

/** Comma-separated http(s) URLs; an InputError naming --fan-out otherwise. */
export function parseFanOutUrls(text: string): string[] {
  const urls = text
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (urls.length === 0)
    throw new InputError('--fan-out needs at least one URL, such as http://api-1:8080,http://api-2:8080', 'fan-out');
  return urls.map((u) => {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      throw new InputError(`--fan-out: not a URL: "${u}"`, 'fan-out');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new InputError(`--fan-out: must be http:// or https:// URLs (got "${u}")`, 'fan-out');
    return url.href.replace(/\/+$/, '');
  });
}

export class FanOutExecutor implements ShardExecutor {
  readonly threads: number;
  private readonly instances: Instance[];
  private readonly controller = new AbortController();

  constructor(
    urls: string[],
    private readonly o: FanOutOptions = {},
  ) {
    this.instances = urls.map((url) => ({ url, busy: 0, coolUntil: 0 }));
    // simulate keeps 2 x threads shards in flight
    this.threads = Math.max(1, Math.ceil((urls.length * (o.perInstance ?? 2)) / 2));
  }

  async runShard(plan: SimulationPlan, firstChunk: number, nChunks: number): Promise<Float64Array> {
    const source = sourceOf(plan);
    if (!source)
      throw new Error('this plan has no source to send to other instances (built outside runEvaluation/runWorkload)');
    if (source.kind === 'evaluation' && source.policies)
      throw new InputError('--fan-out: policy strategies cannot be sent to an API (use --queue)', 'fan-out');
    const body = JSON.stringify({
      ...(source.kind === 'evaluation'
        ? { evaluation: source.config, part: source.part }
        : {
            simulation: {
              workload: source.workload,
              paths: source.paths,
              steps: source.steps,
              seed: source.seed,
              scheme: source.scheme,
            },
          }),
      firstChunk,
      chunks: nChunks,
      planDigest: planDigest(plan),
    });
    const attempts = this.o.attempts ?? 4 + this.instances.length;
    let last: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (this.controller.signal.aborted) throw new Error('the fan-out executor is closed');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
      const instance = this.pick();
      try {
        const result = await this.post(instance, body);
        return resultRecords(plan, firstChunk, nChunks, result);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        last = error;
        instance.coolUntil = Date.now() + 2000;
        this.o.log?.(`flowexec: shard ${firstChunk}+${nChunks} on ${instance.url}: ${error.message}; retrying`);
      }
    }
    throw new InputError(
      `--fan-out: shard ${firstChunk}+${nChunks} failed ${attempts} times; last: ${(last as Error).message}`,
      'fan-out',
    );
  }

  async close(): Promise<void> {
    this.controller.abort();
  }

  /** The least busy instance that is not cooling down after a failure (or the least busy of all). */
  private pick(): Instance {
    const now = Date.now();
    const ready = this.instances.filter((i) => i.coolUntil <= now);
    return (ready.length > 0 ? ready : this.instances).reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  private async post(instance: Instance, body: string): Promise<ShardResult> {
    instance.busy++;
    const timeoutMs = this.o.timeoutMs ?? 120_000;
    const signal = AbortSignal.any([this.controller.signal, AbortSignal.timeout(timeoutMs)]);
    try {
      let response: Response;
      try {
        response = await (this.o.fetch ?? fetch)(`${instance.url}/v1/shards`, {
          method: 'POST',
          body,
          signal,
          headers: {
            'content-type': 'application/json',
            ...(this.o.token ? { authorization: `Bearer ${this.o.token}` } : {}),
          },
        });
      } catch (error) {
        const e = error as Error & { cause?: { code?: string } };
        const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.message);
        throw new Retryable(why);
      }
      const text = await response.text().catch(() => '');
      if (response.status === 429 || response.status >= 500) throw new Retryable(`HTTP ${response.status}`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new Retryable(`HTTP ${response.status}, not JSON`);
      }
      if (!response.ok) {
        const message = (parsed as { error?: { message?: string } })?.error?.message ?? `HTTP ${response.status}`;
        throw new InputError(`--fan-out: ${instance.url} refused a shard: ${message}`, 'fan-out');
      }
      return parsed as ShardResult;
    } finally {
      instance.busy--;
    }
  }
}
