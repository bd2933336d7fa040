// Where the module's static data ends (TypeScript owns every byte above it) and the layout constants TS checks.
import { HESTON_PARAMS_LENGTH, P_PSI_C, P_RHO_BAR, SCHEME_EULER, SCHEME_QE } from './heston/params';
import { STEP_BLOCK } from './rollout/scratch';

export function heapBase(): usize {
  return __heap_base;
}

/** Layout constants by name index, so test/engine/layout.test.ts can check src/engine/layout.ts against them. */
export function layout(id: i32): i32 {
  switch (id) {
    case 0: return HESTON_PARAMS_LENGTH;
    case 1: return P_PSI_C;
    case 2: return P_RHO_BAR;
    case 3: return SCHEME_EULER;
    case 4: return SCHEME_QE;
    case 5: return STEP_BLOCK;
    default: return -1;
  }
}
