// Plain-TS twin of assembly/policy/adaptive-ac.ts: the fraction of inventory adaptive Almgren-Chriss trades.
// One copy of the formula serves the twin and production code (src/engine/adaptive-ac-fraction.ts).
export { adaptiveAcFraction } from '../../engine/adaptive-ac-fraction.js';
