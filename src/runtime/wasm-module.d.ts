// Type of a .wasm module import on runtimes that link wasm as a module (workerd): a compiled WebAssembly.Module.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
