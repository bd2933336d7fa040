// Where the module's static data ends: TypeScript owns every byte above it (kernels never allocate).
export function heapBase(): usize {
  return __heap_base;
}
