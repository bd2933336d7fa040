// One instance of the wasm engine: instantiation from a WebAssembly.Module, a bump arena over its memory, views.
import { instantiate } from '@assemblyscript/loader';
import type { FlowexecExports } from './abi.js';

const PAGE_BYTES = 65536;
const DEFAULT_ALIGN = 64;

function alignUp(value: number, align: number): number {
  return Math.ceil(value / align) * align;
}

/**
 * The engine owns nothing but its memory: kernels never allocate, TypeScript hands them pointers from a
 * bump arena (mark / release for scoped use). Views are built fresh on each call because growing the
 * memory detaches every existing view.
 */
export class Engine {
  private readonly base: number;
  private top: number;

  private constructor(readonly exports: FlowexecExports) {
    this.base = alignUp(exports.heapBase(), DEFAULT_ALIGN);
    this.top = this.base;
  }

  /** Instantiates the module; works on every runtime that can instantiate a compiled module (incl. workerd). */
  static async create(module: WebAssembly.Module): Promise<Engine> {
    const { exports } = await instantiate<Record<string, unknown>>(module, {});
    return new Engine(exports as unknown as FlowexecExports);
  }

  /** Reserves bytes (aligned) and grows the memory when needed; returns the pointer. */
  alloc(bytes: number, align = DEFAULT_ALIGN): number {
    const ptr = alignUp(this.top, align);
    this.top = ptr + bytes;
    const memory = this.exports.memory;
    if (this.top > memory.buffer.byteLength) {
      memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / PAGE_BYTES));
    }
    return ptr;
  }

  /** The current arena position, to release everything allocated after it. */
  mark(): number {
    return this.top;
  }

  release(mark: number): void {
    this.top = Math.max(this.base, mark);
  }

  f64(ptr: number, length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, ptr, length);
  }

  u32(ptr: number, length: number): Uint32Array {
    return new Uint32Array(this.exports.memory.buffer, ptr, length);
  }

  /** Bytes of linear memory in use by the module (static data plus the arena's high-water mark). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }
}
