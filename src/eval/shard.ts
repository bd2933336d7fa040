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
  return Array.from({ length: Math.ceil(chunks / size) }, (_, index) => ({
    index,
    firstChunk: index * size,
    chunks: Math.min(size, chunks - index * size),
  }));
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

  constructor(
    private readonly shape: RecordShape,
    readonly shards: number,
  ) {
    this.record = emptyRecord(shape);
    this.length = recordLength(shape);
  }

  /** Accepts shard `index`'s concatenated chunk records; false when the shard was seen before (nothing merged). */
  add(index: number, records: Float64Array): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.shards)
      throw new Error(`shard ${index} is out of range (0..${this.shards - 1})`);
    if (records.length % this.length !== 0)
      throw new Error(`shard ${index}: ${records.length} values is not a whole number of records of ${this.length}`);
    if (index < this.next || this.waiting.has(index)) return false;
    this.waiting.set(index, records);
    while (this.waiting.has(this.next)) {
      const shard = this.waiting.get(this.next)!;
      this.waiting.delete(this.next++);
      for (let at = 0; at < shard.length; at += this.length)
        mergeInto(this.shape, this.record, shard.subarray(at, at + this.length));
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
  let a = 0x811c9dc5,
    b = 0x01000193 ^ 0x5bd1e995;
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

// ---- records on the wire: packed (histogram counts and zero runs take a byte), then base64 ----
//
// Packing, byte by byte: b < 0x80 is the value b (an integer 0..127, never -0); 0x80 is followed by the value's
// 8 bytes, little-endian; 0x81..0xff stand for b - 0x80 zeros. Most of an execution record is histogram counts,
// so a record shrinks about 4x, and the queue moves (and stores, and copies) a quarter of the bytes.

const RAW = 0x80;

function pack(values: Float64Array): Uint8Array {
  const out = new Uint8Array(9 * values.length);
  const view = new DataView(out.buffer);
  let o = 0;
  for (let i = 0; i < values.length;) {
    const v = values[i]!;
    if (v === 0 && !Object.is(v, -0)) {
      let run = 1;
      while (run < 127 && i + run < values.length && values[i + run] === 0 && !Object.is(values[i + run], -0)) run++;
      out[o++] = RAW + run;
      i += run;
      continue;
    }
    if (v > 0 && v < 128 && Number.isInteger(v)) out[o++] = v;
    else {
      out[o++] = RAW;
      view.setFloat64(o, v, true);
      o += 8;
    }
    i++;
  }
  return out.subarray(0, o);
}

function unpack(bytes: Uint8Array): Float64Array {
  let count = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i++]!;
    if (b === RAW) {
      i += 8;
      count++;
    } else count += b < RAW ? 1 : b - RAW;
  }
  const values = new Float64Array(count),
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i++]!;
    if (b < RAW) values[o++] = b;
    else if (b === RAW) {
      if (i + 8 > bytes.length) throw new Error('records: truncated');
      values[o++] = view.getFloat64(i, true);
      i += 8;
    } else o += b - RAW; // zeros: the array starts zeroed
  }
  return values;
}

// base64 (RFC 4648) of our own: Node 20's btoa takes about a second per megabyte
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const latin1 = new TextDecoder('latin1');

function toBase64(bytes: Uint8Array): string {
  const n = bytes.length,
    out = new Uint8Array(4 * Math.ceil(n / 3));
  let o = 0,
    i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = ENCODE[(v >>> 6) & 63]!;
    out[o++] = ENCODE[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = i + 1 < n ? ENCODE[(v >>> 6) & 63]! : 61;
    out[o++] = 61; // '='
  }
  return latin1.decode(out);
}

function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('records: not base64 (length is not a multiple of 4)');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const n = (text.length / 4) * 3 - pad,
    bytes = new Uint8Array(n),
    data = text.length - pad;
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = DECODE[text.charCodeAt(i)] ?? -1,
      b = DECODE[text.charCodeAt(i + 1)] ?? -1;
    const c = i + 2 < data ? (DECODE[text.charCodeAt(i + 2)] ?? -1) : 0,
      d = i + 3 < data ? (DECODE[text.charCodeAt(i + 3)] ?? -1) : 0;
    if ((a | b | c | d) < 0) throw new Error(`records: not base64 (character ${i})`);
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < n) bytes[o++] = v >>> 16;
    if (o < n) bytes[o++] = (v >>> 8) & 255;
    if (o < n) bytes[o++] = v & 255;
  }
  return bytes;
}

/** Chunk records as text for JSON: packed, then base64. Exact for every float64 (NaN payloads, -0 included). */
export function encodeRecords(values: Float64Array): string {
  return toBase64(pack(values));
}

/** The values back from encodeRecords' text; an Error on malformed text. */
export function decodeRecords(text: string): Float64Array {
  return unpack(fromBase64(text));
}
