// The Redis behind --queue: its URL checked, a fast reachability probe (one clear line when it is down), and the
// reconnecting connection options BullMQ's queue, events and workers share.
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../errors/input-error.js';

/** The BullMQ queue every coordinator and worker of a Redis uses. */
export const QUEUE_NAME = 'flowexec-shards';

export interface RedisTarget {
  /** The URL without its password, for messages. */
  label: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
}

/** redis://[user:password@]host[:port][/db] or rediss://...; an InputError naming `option` otherwise. */
export function parseRedisUrl(text: string, option = 'queue'): RedisTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`--${option} must be a redis:// URL such as redis://127.0.0.1:6379 (got "${text}")`, option);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new InputError(`--${option} must be a redis:// or rediss:// URL (got "${url.protocol}//...")`, option);
  }
  if (!url.hostname) throw new InputError(`--${option}: the URL names no host (got "${text}")`, option);
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (!/^\d{0,2}$/.test(dbText))
    throw new InputError(`--${option}: the database must be a number such as /0 (got "/${dbText}")`, option);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    label: `${url.protocol}//${url.host}${dbText ? `/${dbText}` : ''}`,
    host,
    port,
    db: dbText ? Number(dbText) : 0,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    tls: url.protocol === 'rediss:',
  };
}

function baseOptions(t: RedisTarget): RedisOptions {
  return {
    host: t.host,
    port: t.port,
    db: t.db,
    username: t.username,
    password: t.password,
    ...(t.tls ? { tls: {} } : {}),
  };
}

/**
 * Options for BullMQ's long-lived connections: commands wait through an outage (no per-request retry limit, which
 * BullMQ's blocking workers require) and the client reconnects every 0.2 to 2 s for as long as it takes.
 */
export function connectionOptions(t: RedisTarget): RedisOptions {
  return {
    ...baseOptions(t),
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}

/** A reconnecting client for BullMQ (it duplicates it for its blocking connections); the caller quits it. */
export function redisClient(t: RedisTarget): Redis {
  const client = new Redis(connectionOptions(t));
  client.on('error', () => {}); // outages are watched through 'close' and 'ready'; ioredis reports every failed attempt here
  return client;
}

/** Why a connection failed, in a few words (ECONNREFUSED, ETIMEDOUT, NOAUTH ...). */
export function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e?.code ?? (e?.message ?? String(error)).split('\n')[0]!.slice(0, 200);
}

/** Connects once, without retrying, and pings: an InputError (exit 2, one line) within timeoutMs when Redis is not there. */
export async function probeRedis(t: RedisTarget, timeoutMs = 5000, option = 'queue'): Promise<void> {
  const client = new Redis({
    ...baseOptions(t),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let last: unknown;
  client.on('error', (error) => {
    last = error;
  }); // connect() rejects with "Connection is closed"; this says why
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
    });
    await Promise.race([client.connect().then(() => client.ping()), deadline]);
  } catch (error) {
    throw new InputError(`--${option}: cannot reach Redis at ${t.label} (${reason(last ?? error)})`, option);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
