// The ABI of build/flowexec.wasm: every export, flat functions over (pointer, length, scalars). One list,
// mirrored by src/engine/abi.ts. TypeScript owns all memory above heapBase(); kernels never allocate.
export { heapBase, layout } from './memory';
export { expArray, expNormalArray, logArray, sincos2piArray, expArrayScalar, logArrayScalar, sincos2piArrayScalar, expArrayF32, sigmoidArrayF32, logArrayF32, sincosKernelArrayF32 } from './math/batch';
export { philoxBlock, normalBlock } from './rng/blocks';
export { boxMullerArrayF32 } from './rng/normal-f32';
export { rolloutScratchBytes } from './rollout/scratch';
export { terminalValues } from './rollout/terminal';
export { staticExecution } from './rollout/static-schedule';
export { momentsRecordLength, momentsReduce } from './stats/moments';
export { envReset, envStep } from './rollout/execution-env';
export { envObserve } from './rollout/observe';
export { closedLoopRollout } from './rollout/closed-loop';
export { mlpForward } from './policy/mlp';
export { flowMu } from './policy/flow';
export { samplePaths } from './rollout/sample-paths';
