// The exports of build/flowexec.wasm as TypeScript sees them: one list, mirroring assembly/index.ts.
// Pointers are byte offsets into the module's memory; every array is owned and allocated by TypeScript.

export interface FlowexecExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  // math (tests and microbenchmarks)
  expArray(xPtr: number, outPtr: number, n: number): void;
  expNormalArray(xPtr: number, outPtr: number, n: number): void;
  logArray(xPtr: number, outPtr: number, n: number): void;
  sincos2piArray(uPtr: number, sinPtr: number, cosPtr: number, n: number): void;
  expArrayScalar(xPtr: number, outPtr: number, n: number): void;
  logArrayScalar(xPtr: number, outPtr: number, n: number): void;
  sincos2piArrayScalar(uPtr: number, sinPtr: number, cosPtr: number, n: number): void;
  /** f32 in and out, n a multiple of 4. */
  expArrayF32(xPtr: number, outPtr: number, n: number): void;
  sigmoidArrayF32(xPtr: number, outPtr: number, n: number): void;
  logArrayF32(xPtr: number, outPtr: number, n: number): void;
  sincosKernelArrayF32(yPtr: number, sinPtr: number, cosPtr: number, n: number): void;
  boxMullerArrayF32(aPtr: number, bPtr: number, outPtr: number, n: number): void;
  // random numbers
  philoxBlock(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, n: number, outPtr: number): void;
  normalBlock(path: number, stream: number, k0: number, k1: number, n: number, outPtr: number): void;
  // layout constants by id (assembly/memory.ts)
  layout(id: number): number;
  // rollouts (assembly/rollout)
  rolloutScratchBytes(nStrategies: number): number;
  terminalValues(
    model: number,
    paramsPtr: number,
    seedLo: number,
    seedHi: number,
    firstPath: number,
    nPaths: number,
    steps: number,
    scratch: number,
    outPtr: number,
  ): void;
  staticExecution(
    model: number,
    paramsPtr: number,
    seedLo: number,
    seedHi: number,
    firstPath: number,
    nPaths: number,
    steps: number,
    nStrategies: number,
    qtyPtr: number,
    weightPtr: number,
    scratch: number,
    outPtr: number,
    stride: number,
  ): void;
  // closed-loop execution (assembly/rollout/execution-env.ts, closed-loop.ts, assembly/policy)
  envReset(env: number): void;
  envStep(env: number): void;
  envObserve(env: number): void;
  mlpForward(policy: number, obsPtr: number, outPtr: number, paths: number, constantMask: number): void;
  flowMu(policy: number, obsPtr: number, a0Ptr: number, outPtr: number, paths: number, constantMask: number): void;
  closedLoopRollout(env: number, policy: number, policyPtr: number, outPtr: number, stride: number): void;
  samplePaths(
    model: number,
    paramsPtr: number,
    seedLo: number,
    seedHi: number,
    firstPath: number,
    nPaths: number,
    steps: number,
    scratch: number,
    outPtr: number,
  ): void;
  // statistics (assembly/stats)
  momentsRecordLength(nCols: number, nPaired: number, bins: number): number;
  momentsReduce(
    valuesPtr: number,
    n: number,
    stride: number,
    nCols: number,
    nPaired: number,
    histPtr: number,
    bins: number,
    recordPtr: number,
  ): void;
}
