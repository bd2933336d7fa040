// Plain-TS twin of assembly/policy/pov.ts: rate x the market's step volume V_k u over what the path has left.

export function povFraction(rate: number, stepVolume: number, volumeMult: number, left: number): number {
  return (rate * stepVolume * volumeMult) / left;
}
