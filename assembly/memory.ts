// Where the module's static data ends (TypeScript owns every byte above it) and the layout constants TS checks.
import { MODEL_PARAMS_LENGTH, P_PSI_C, P_RHO_BAR, P_VOL_SQRT_DT, MODEL_HESTON_EULER, MODEL_HESTON_QE, MODEL_GBM, MODEL_ABM } from './market-params';
import { STEP_BLOCK } from './rollout/scratch';
import { E_STATE_STRIDE, E_HEADER_LENGTH, STATE_FIELDS, S_REWARD, S_RETURN, OBSERVATION_FEATURES, FEATURE_TIME_LEFT, FEATURE_VARIANCE, FEATURE_VOLUME_LEVEL,
  FEATURE_TRANSIENT } from './rollout/env-layout';
import { ROLLOUT_COLUMNS } from './rollout/closed-loop';

export function heapBase(): usize {
  return __heap_base;
}

/** Layout constants by name index, so test/engine/layout.test.ts can check src/engine/layout.ts against them. */
export function layout(id: i32): i32 {
  switch (id) {
    case 0: return MODEL_PARAMS_LENGTH;
    case 1: return P_PSI_C;
    case 2: return P_RHO_BAR;
    case 3: return MODEL_HESTON_EULER;
    case 4: return MODEL_HESTON_QE;
    case 5: return STEP_BLOCK;
    case 6: return MODEL_GBM;
    case 7: return MODEL_ABM;
    case 8: return P_VOL_SQRT_DT;
    case 9: return E_STATE_STRIDE;
    case 10: return E_HEADER_LENGTH;
    case 11: return STATE_FIELDS;
    case 12: return OBSERVATION_FEATURES;
    case 13: return ROLLOUT_COLUMNS;
    case 14: return FEATURE_TIME_LEFT;
    case 15: return FEATURE_VARIANCE;
    case 16: return FEATURE_VOLUME_LEVEL;
    case 17: return FEATURE_TRANSIENT;
    case 18: return S_REWARD;
    case 19: return S_RETURN;
    default: return -1;
  }
}
