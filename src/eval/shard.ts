// Shards: a contiguous range of whole chunks of a plan, run anywhere (this thread, a pool, a queue worker, another API
// instance), and the fold of their chunk records strictly in shard order, each shard merged once.
//
// Bit identity: mergeInto is not associative in floating point, so a shard's result is the list of its chunk records
// (never a pre-merged record) and the coordinator folds chunk records one by one in chunk order, as a local run does.
import { mergeInto, emptyRecord, recordLength, type RecordShape } from '../engine/moments.js';
import { CHUNK_PATHS, type SimulationPlan } from './plan.js';
import { chunkCount, recordShape } from './chunk.js';

/** Shard `index` of a plan split into shards of `shardChunks` chunks. */
export interface ShardRange {
  index: number;
  firstChunk: number;
  chunks: number;
}

export function shardRanges(plan: SimulationPlan, shardChunks: number): ShardRange[] {
  const chunks = chunkCount(plan);
  const size = Math.max(1, Math.floor(shardChunks));
  return Array.from({ length: Math.ceil(chunks / size) }, (_, index) =>
    ({ index, firstChunk: index * size, chunks: Math.min(size, chunks - index * size) }));
}

/** Paths of a range of chunks (the last chunk of a plan may be short). */
export function rangePaths(plan: SimulationPlan, firstChunk: number, chunks: number): number {
  return Math.min(plan.paths, (firstChunk + chunks) * CHUNK_PATHS) - firstChunk * CHUNK_PATHS;
}

/**
 * Folds shards' chunk records into one record in shard order: a shard that arrives early waits for those before it,
 * and a shard that arrives again (at-least-once delivery: a re-run stalled job, a retried request) is ignored.
 */
export class ShardMerger {
  readonly record: Float64Array;
  private readonly length: number;
  private readonly waiting = new Map<number, Float64Array>();
  private next = 0;

  constructor(private readonly shape: RecordShape, readonly shards: number) {
    this.record = emptyRecord(shape);
    this.length = recordLength(shape);
  }

  /** Accepts shard `index`'s concatenated chunk records; false when the shard was seen before (nothing merged). */
  add(index: number, records: Float64Array): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.shards) throw new Error(`shard ${index} is out of range (0..${this.shards - 1})`);
    if (records.length % this.length !== 0) throw new Error(`shard ${index}: ${records.length} values is not a whole number of records of ${this.length}`);
    if (index < this.next || this.waiting.has(index)) return false;
    this.waiting.set(index, records);
    while (this.waiting.has(this.next)) {
      const shard = this.waiting.get(this.next)!;
      this.waiting.delete(this.next++);
      for (let at = 0; at < shard.length; at += this.length) mergeInto(this.shape, this.record, shard.subarray(at, at + this.length));
    }
    return true;
  }

  /** Shards merged so far (all shards before this index are in the record). */
  get merged(): number {
    return this.next;
  }

  get complete(): boolean {
    return this.next === this.shards;
  }
}

/** A merger for a plan split into `shards` shards. */
export function mergerFor(plan: SimulationPlan, shards: number): ShardMerger {
  return new ShardMerger(recordShape(plan), shards);
}

// ---- the plan's fingerprint: coordinator and worker must have built the same plan (same config, same version) ----

/** FNV-1a over a string, two 32-bit lanes with different offsets: 16 hex digits. Not cryptographic; catches skew. */
function fnv64(text: string): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function hexOf(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

const digests = new WeakMap<SimulationPlan, string>();

/** A fingerprint of everything in a plan, float arrays bit for bit; cached per plan object. */
export function planDigest(plan: SimulationPlan): string {
  let digest = digests.get(plan);
  if (!digest) {
    digest = fnv64(JSON.stringify(plan, (_, v: unknown) => (v instanceof Float64Array ? `f64:${hexOf(v)}` : v)));
    digests.set(plan, digest);
  }
  return digest;
}

// ---- records on the wire: little-endian float64 bytes in base64 (btoa/atob: every runtime has them) ----

export function encodeRecords(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export function decodeRecords(text: string): Float64Array {
  const binary = atob(text);
  if (binary.length % 8 !== 0) throw new Error(`records: ${binary.length} bytes is not a whole number of float64 values`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float64Array(bytes.buffer);
}
