// The programs to beat (../shared/anchors): run in the same benchmark run, their path-steps/s parsed from their JSON line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Anchor {
  name: string;
  program: string;
  /** Paths per workload run: enough for a stable figure without taking the bench hostage. */
  paths: Record<string, number>;
}

export const ANCHORS: Omit<Anchor, 'program'>[] = [
  { name: 'avx512-c', paths: { 'heston-paths': 4_000_000, 'heston-execution': 2_000_000 } },
  { name: 'scalar-c', paths: { 'heston-paths': 400_000, 'heston-execution': 300_000 } },
  { name: 'plain-js', paths: { 'heston-paths': 300_000, 'heston-execution': 200_000 } },
];

const PROGRAMS: Record<string, string> = {
  'avx512-c': 'heston-native-avx512',
  'scalar-c': 'heston-native-scalar',
  'plain-js': 'heston-plain-js.mjs',
};

/** The anchors found in dir (missing programs are skipped, with a note from the caller). */
export function findAnchors(dir: string): Anchor[] {
  return ANCHORS.map((a) => ({ ...a, program: join(dir, PROGRAMS[a.name]!) })).filter((a) => existsSync(a.program));
}

export interface AnchorRun {
  pathStepsPerSec: number;
  seconds: number;
  mean: number;
  stderr: number;
}

export function runAnchor(
  anchor: Anchor,
  workloadFile: string,
  workload: string,
  paths = anchor.paths[workload]!,
): AnchorRun {
  const isScript = anchor.program.endsWith('.mjs');
  const output = execFileSync(
    isScript ? process.execPath : anchor.program,
    [...(isScript ? [anchor.program] : []), workloadFile, '--paths', String(paths)],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const line = output.trim().split('\n').pop()!;
  const parsed = JSON.parse(line) as AnchorRun;
  return { pathStepsPerSec: parsed.pathStepsPerSec, seconds: parsed.seconds, mean: parsed.mean, stderr: parsed.stderr };
}
