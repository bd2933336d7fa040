// A validated flow policy file back into a FlowNet (tfjs), so a saved FlowOE policy samples exactly as it did in training.
import type { Tf } from '../tf.js';
import { FlowNet } from './flow-net.js';
import type { FlowPolicyFile } from './flow-policy-file.js';

export function loadFlowNet(tf: Tf, p: FlowPolicyFile): FlowNet {
  const n = p.network;
  const net = new FlowNet(
    tf,
    n.hidden,
    {
      obsMean: Float32Array.from(n.obsMean),
      obsStd: Float32Array.from(n.obsStd),
      actionMean: n.actionMean,
      actionStd: n.actionStd,
    },
    0,
  );
  net.mlp.importDense(n.layers);
  return net;
}
