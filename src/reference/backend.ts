// The kernel contract on the plain-TS twins: the oracle the wasm backend must equal bit for bit.
import type { KernelBackend } from '../engine/backend.js';
import { terminalValues } from './rollout/terminal.js';
import { staticExecution } from './rollout/static-schedule.js';
import { momentsReduce } from './stats/moments.js';
import { closedLoopRollout } from './rollout/closed-loop.js';
import { samplePaths } from './rollout/sample-paths.js';

export class ReferenceBackend implements KernelBackend {
  readonly name = 'reference' as const;
  terminalValues = terminalValues;
  staticExecution = staticExecution;
  closedLoopRollout = closedLoopRollout;
  samplePaths = samplePaths;
  momentsReduce = momentsReduce;
}
