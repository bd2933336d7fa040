// Generalised advantage estimation (Schulman et al. 2016, "High-dimensional continuous control using GAE", eq. 16).

/**
 * Advantages and value targets for T steps of B envs (time-major arrays [t][b]): delta_t = r_t + gamma V_{t+1}
 * (1 - done_t) - V_t, A_t = delta_t + gamma lambda (1 - done_t) A_{t+1}; returns = A + V. lastValues bootstraps
 * the step after the rollout (ignored where the last step ended an episode).
 */
export function gae(
  rewards: Float32Array,
  values: Float32Array,
  dones: Uint8Array,
  lastValues: Float32Array,
  envs: number,
  gamma: number,
  lambda: number,
): { advantages: Float32Array; returns: Float32Array } {
  const T = rewards.length / envs;
  const advantages = new Float32Array(rewards.length),
    returns = new Float32Array(rewards.length);
  for (let b = 0; b < envs; b++) {
    let next = 0;
    for (let t = T - 1; t >= 0; t--) {
      const i = t * envs + b;
      const notDone = dones[i] ? 0 : 1;
      const nextValue = t === T - 1 ? lastValues[b]! : values[i + envs]!;
      const delta = rewards[i]! + gamma * nextValue * notDone - values[i]!;
      next = delta + gamma * lambda * notDone * next;
      advantages[i] = next;
      returns[i] = next + values[i]!;
    }
  }
  return { advantages, returns };
}
