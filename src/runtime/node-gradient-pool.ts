// PPO's minibatch gradients on several cores: this thread takes slice 0, 0 + T, ...; T - 1 worker threads the rest.
import { Piscina } from 'piscina';
import type { Tf } from '../learn/tf.js';
import {
  sliceGradients,
  type GradientRunner,
  type GradientRunnerFactory,
  type GradientSlice,
  type LossSettings,
  type PpoNets,
  type SliceResult,
} from '../learn/ppo-gradients.js';
import type { GradientTask } from './node-gradient-worker.js';

function workerFile(): string {
  return import.meta.url.replace(/node-gradient-pool\.(ts|js)$/, (_, ext: string) => `node-gradient-worker.${ext}`);
}

/**
 * A GradientRunner over `threads` cores. The slices' results come back in slice order whoever computed them, and every
 * copy of the networks runs the same tfjs-wasm kernels on the same weights, so the sum is the inline runner's bits.
 */
export class NodeGradientPool implements GradientRunner {
  private readonly pool: Piscina<GradientTask, SliceResult>;

  constructor(
    readonly threads: number,
    private readonly tf: Tf,
    private readonly nets: PpoNets,
    private readonly shape: { inputs: number; hidden: [number, number] },
  ) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: threads - 1,
      maxThreads: threads - 1,
      idleTimeout: 60_000,
    });
    this.pool.on('error', () => {});
  }

  async run(weights: Float32Array[], slices: GradientSlice[], loss: LossSettings): Promise<SliceResult[]> {
    const T = this.threads;
    const remote = slices.map((slice, index) =>
      index % T === 0 ? null : this.pool.run({ ...this.shape, weights, slice, index, loss }),
    );
    const results: Array<SliceResult | Promise<SliceResult>> = slices.map((slice, index) =>
      index % T === 0 ? sliceGradients(this.tf, this.nets, slice, index, loss) : remote[index]!,
    );
    return Promise.all(results);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The factory PPO takes: inline for one thread, a pool for more. */
export function gradientPool(threads: number): GradientRunnerFactory | undefined {
  return threads > 1 ? (tf, nets, shape) => new NodeGradientPool(threads, tf, nets, shape) : undefined;
}
