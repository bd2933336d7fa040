// The runtime-independent part of the public API: shared verbatim by the Node entry (flowexec) and flowexec/browser.
export { FlowExecEngine, type WasmSource } from './engine.js';
export type { SimulateOptions } from './simulate.js';
export type { EvaluateOptions } from './evaluate.js';
export type { ShardExecutor } from './executor.js';
export {
  type SimulationResult,
  type EvaluationReport,
  readEvaluationReport,
  EVALUATION_RESULT_FORMAT,
  SIMULATION_RESULT_FORMAT,
  RESULT_FORMAT_VERSION,
} from './results.js';
export {
  hestonCall,
  hestonPut,
  almgrenChriss,
  almgrenChrissCost,
  almgrenChrissFrontier,
  type HestonOption,
  type AlmgrenChrissMarket,
  type AlmgrenChrissSolution,
} from './pricing.js';
export { parseEvaluationConfig, parseWorkload, type EvaluationConfig, type Workload } from './config.js';
export {
  parsePolicyFile,
  mlpPolicy,
  POLICY_FILE_FORMAT,
  POLICY_FILE_VERSION,
  type PolicyDocument,
  type MlpPolicyWeights,
} from './policy.js';
export {
  VecEnv,
  OBSERVATION_FEATURE_NAMES,
  type Box,
  type VecEnvConfig,
  type VecEnvOptions,
  type ResetResult,
  type StepResult,
  type EpisodeInfo,
} from './vec-env.js';
export { InputError } from '../errors/input-error.js';
export type { StrategySummary, PairedDifference, AttributionPart } from '../eval/summary.js';
export type { FrontierPoint } from '../eval/evaluate.js';
export type { SchemeName } from '../eval/workload-plan.js';
