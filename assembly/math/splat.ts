// Splatted constants for the f64x2 hot loops, read from static data: V8 builds a v128.const from
// immediates with three instructions (movq, vmovq, vpunpcklqdq) every time it is used, a load is one.

/** Both lanes = the f64 at slot of table (table from memory.data<f64>). */
// @ts-ignore: decorator
@inline export function splatF64(table: usize, slot: i32): v128 {
  return v128.load64_splat(table + (<usize>slot << 3));
}

/** Both lanes = the 64-bit integer at slot of table (table from memory.data<u64>). */
// @ts-ignore: decorator
@inline export function splatI64(table: usize, slot: i32): v128 {
  return v128.load64_splat(table + (<usize>slot << 3));
}
