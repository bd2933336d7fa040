// The kernel contract on the plain-TS twins: the oracle the wasm backend must equal bit for bit.
import type { KernelBackend } from '../engine/backend.js';
import { hestonTerminal } from './rollout/terminal.js';
import { hestonStaticExecution } from './rollout/static-schedule.js';
import { momentsReduce } from './stats/moments.js';

export class ReferenceBackend implements KernelBackend {
  readonly name = 'reference' as const;
  hestonTerminal = hestonTerminal;
  hestonStaticExecution = hestonStaticExecution;
  momentsReduce = momentsReduce;
}
