// A batched execution environment: B paths of one order, stepped together inside wasm (closed-loop strategies
// and reinforcement learning). Each path draws exactly what the static kernel draws at (path, step), so its
// unimpacted prices are the same bits: closed-loop and static strategies are compared on common random numbers.
//
// Step k of a path, side sigma (+1 sell, -1 buy), with n = min(fraction q, cap V_k) shares:
//   S = exp(x) (x for ABM), f = exp(-sigma permLog cum), D = sum of transient components
//   temporary = tempScale_k n^beta, step cost = sigma n (s0 - S f) + n (temporary + D + spread_k) + n permAdd cum
//   components D_j = (D_j + w_j transScale_k n^betaT) decay_j; cum += n; q -= n; then the price model steps.
//   With a self-impact share c = E_TRANS_SELF the trade pays D + c transScale_k n^betaT per share instead of D (the
//   1/2 G(0) n^2 term of Gatheral, Schied and Slynko 2012 for linear impact, G(0) n^(1 + beta) / (1 + beta) else).
// The costs are accumulated by part (timing, permanent, temporary, transient, spread) per path, and each step's
// reward (bps of the arrival notional N = X s0) by objective:
//   cost            -cost
//   mean-variance   -(cost + lambda tau / 252 pv x^2), pv the price variance per year after the trade
//                   (S^2 v for Heston, S^2 sigma^2 for GBM, sigma^2 for ABM), x the shares left: Almgren-Chriss
//   OPD             -cost - alpha (n / X)^2, plus at the last step sigma (s0 - P_avg) X_executed: the sum is the
//                   price advantage against the window's average unimpacted price P_avg (Fang et al. 2021),
//                   which the reward knows and the observation never does
// With forced liquidation the last step trades everything left, cap lifted, and pays E_PENALTY per share above it.
//
// Markets the static kernel cannot price (src/eval routes every strategy here for them):
// - impact at the path's volatility (E_IMPACT_VOL != 0): temporary cost, transient impulse and permanent move of a
//   trade scale with m = s_k sqrt(v / v0) (Heston; s_k for the Brownian models), the volatility the trade meets over
//   the one at arrival; the permanent level is sum m n (S_PERM_LEVEL), which is cum when m = 1
// - intraday volatility seasonality: step k's price increment has volatility s_k sqrt(v) (E_OFF_SEASON; the
//   variance process itself is not seasonal)
// - stochastic volume (E_VOLUME_NOISE != 0): the market trades V_k u in step k, u = exp(psi - sigma_V^2 / 2)
//   (v / theta)^(a / 2), psi an AR(1) with stationary standard deviation sigma_V and persistence phi, drawn from
//   normal k of the path's stream 2; the cap, participation, temporary impact and a volume-measured transient
//   impulse all use V_k u. u for step k is set when step k - 1 ends (envReset for step 0), so a policy sees it
//   (volume-noise.ts).
// Every path also accumulates the market VWAP of the unimpacted price, sum S_k V_k u / sum V_k u, and the window's
// price sum (the benchmarks of every strategy's VWAP slippage and price advantage). The observations a policy sees
// are observe.ts.
import { expF64x2 } from '../math/exp';
import { philoxRoundKeys, fillWordsX4 } from '../rng/philox';
import { fillNormalsGroupsX4 } from '../rng/normal';
import { logPriceStep, varianceStep } from '../heston/euler';
import { qeStepF64x2, qeNextV, uniformF64x2 } from '../heston/qe';
import { MODEL_HESTON_EULER, MODEL_HESTON_QE, MODEL_ABM, MODEL_GBM, P_X0, P_V0, P_DT, P_MU_DT, P_HALF_DT, P_KAPPA_THETA_DT,
  P_KAPPA_DT, P_XI, P_RHO, P_RHO_BAR, P_DRIFT_DT, P_VOL_SQRT_DT, P_NORMALS_F32, param, paramX2 } from '../market-params';
import { temporaryPerShare } from '../impact/temporary';
import { permanentFactor, permanentShift, permanentCost } from '../impact/permanent';
import { transientSum, transientImpulse, transientDecay } from '../impact/transient';
import * as E from './env-layout';
import { at } from './env-layout';
import { nextVolume } from './volume-noise';

/** Puts every path at the start of the order: arrival price, full inventory, nothing accumulated. */
export function envReset(env: usize): void {
  const paths = <i32>E.header(env, E.E_PATHS);
  const components = <i32>E.header(env, E.E_COMPONENTS);
  const params = E.region(env, E.E_OFF_PARAMS);
  memory.fill(E.stateArray(env, 0), 0, <usize>(E.STATE_FIELDS + components) * <usize>E.header(env, E.E_STATE_STRIDE));
  const x0 = f64x2.splat(param(params, P_X0)), v0 = f64x2.splat(param(params, P_V0));
  const q0 = f64x2.splat(E.header(env, E.E_SHARES));
  const x = E.stateArray(env, E.S_X), v = E.stateArray(env, E.S_V), q = E.stateArray(env, E.S_Q);
  const u = E.stateArray(env, E.S_VOLUME_MULT), one = f64x2.splat(1.0);
  for (let p = 0; p < paths / 2; p++) {
    v128.store(at(x, p), x0);
    v128.store(at(v, p), v0);
    v128.store(at(q, p), q0);
    v128.store(at(u, p), one);
  }
  philoxRoundKeys(<u32>E.header(env, E.E_SEED_LO), <u32>E.header(env, E.E_SEED_HI), E.region(env, E.E_OFF_KEYS));
  store<f64>(env + (<usize>E.E_STEP << 3), 0.0);
  if (E.header(env, E.E_VOLUME_NOISE) != 0.0) nextVolume(env, 0, 0, paths);
}

/**
 * Generates the draws step k needs for paths first .. first + count - 1 (Heston: every second step; QE uniforms
 * and Brownian normals: every fourth).
 */
function refillDraws(env: usize, k: i32, first: i32, count: i32): void {
  const model = <i32>E.header(env, E.E_MODEL);
  const heston = model == MODEL_HESTON_EULER || model == MODEL_HESTON_QE;
  const normalsDue = heston ? (k & 1) == 0 : (k & 3) == 0;
  const uniformsDue = model == MODEL_HESTON_QE && (k & 3) == 0;
  if (!normalsDue && !uniformsDue) return;
  const seedLo = <u32>E.header(env, E.E_SEED_LO), seedHi = <u32>E.header(env, E.E_SEED_HI);
  const firstPath = <u32>E.header(env, E.E_FIRST_PATH);
  // one Philox call covers two steps under Heston (two normals a step), four otherwise; near the horizon only the
  // normals of the steps left are transformed
  const stepsLeft = <i32>E.header(env, E.E_STEPS) - k;
  const pairs = heston ? min(2, stepsLeft) : min(2, (stepsLeft + 1) >> 1);
  const keys = E.region(env, E.E_OFF_KEYS), words = E.region(env, E.E_OFF_WORDS);
  const normals = E.region(env, E.E_OFF_NORMALS), uniforms = E.region(env, E.E_OFF_UNIFORMS);
  const g0 = first >> 2, groups = count >> 2;
  if (normalsDue) {
    fillNormalsGroupsX4(firstPath + <u32>first, groups, heston ? k >> 1 : k >> 2, pairs, 0, seedLo, seedHi, keys,
      words + (<usize>g0 << 6), normals + (<usize>g0 << 7), param(E.region(env, E.E_OFF_PARAMS), P_NORMALS_F32) != 0.0);
  }
  for (let g = g0; uniformsDue && g < g0 + groups; g++) {
    const c0 = i32x4.add(i32x4.splat(firstPath + <u32>(4 * g)), i32x4(0, 1, 2, 3));
    fillWordsX4(c0, k >> 2, 1, 1, seedLo, seedHi, keys, uniforms + (<usize>g << 6));
  }
}

/** Takes step k = E_STEP for every path (see stepPaths) and moves E_STEP on. */
export function envStep(env: usize): void {
  const k = <i32>E.header(env, E.E_STEP);
  stepPaths(env, k, 0, <i32>E.header(env, E.E_PATHS));
  store<f64>(env + (<usize>E.E_STEP << 3), <f64>(k + 1));
}

/**
 * Takes step k for paths first .. first + count - 1 (both multiples of 4): trades fraction x inventory (clamped
 * to [0, 1], NaN as 0) capped by participation, books the costs, then advances the price model. Fractions are
 * read from E_OFF_FRACTIONS. Paths are independent, so any split into ranges gives the same bits.
 */
export function stepPaths(env: usize, k: i32, first: i32, count: i32): void {
  refillDraws(env, k, first, count);
  tradePairs(env, k, first >> 1, (first + count) >> 1);
  advancePrices(env, k, first >> 1, (first + count) >> 1);
  if (E.header(env, E.E_VOLUME_NOISE) != 0.0 && k + 1 < <i32>E.header(env, E.E_STEPS)) nextVolume(env, k + 1, first, count);
}

/** Header slot `slot` on both lanes. */
// @ts-ignore: decorator
@inline function headerX2(env: usize, slot: i32): v128 {
  return f64x2.splat(E.header(env, slot));
}

/** Entry k of the per-step array whose offset is in header slot `region`. */
// @ts-ignore: decorator
@inline function perStep(env: usize, region: i32, k: i32): f64 {
  return load<f64>(E.region(env, region) + (<usize>k << 3));
}

/** array[pair] += value. */
// @ts-ignore: decorator
@inline function accumulate(array: usize, pair: i32, value: v128): void {
  v128.store(at(array, pair), f64x2.add(v128.load(at(array, pair)), value));
}

/** Shares traded: fraction f of inventory q, f clamped to [0, 1] (NaN as 0), capped; a forced trade takes all of q. */
// @ts-ignore: decorator
@inline function tradeSize(fraction: v128, q: v128, capVolume: v128, forced: bool): v128 {
  const f = f64x2.pmin(f64x2.splat(1.0), f64x2.pmax(f64x2.splat(0.0), fraction));
  return select<v128>(q, f64x2.pmin(capVolume, f64x2.mul(f, q)), forced);
}

/**
 * A forced liquidation above the cap pays a penalty per excess share (booked with the temporary cost). A select,
 * not a conditional: written as `forced ? ... : 0` it compiles to a branch inside the loop (see tradePairs).
 */
// @ts-ignore: decorator
@inline function excessCost(n: v128, capVolume: v128, penalty: v128, forced: bool): v128 {
  const zero = f64x2.splat(0.0);
  return select<v128>(f64x2.mul(penalty, f64x2.pmax(zero, f64x2.sub(n, capVolume))), zero, forced);
}

/** The step's cost: sigma n (s0 - S f) + n (temporary + D + spread + shift) + excess (see the header). */
// @ts-ignore: decorator
@inline function stepCost(sideN: v128, s0: v128, price: v128, factor: v128, n: v128, temporary: v128, d: v128,
  spread: v128, shift: v128, excess: v128): v128 {
  return f64x2.add(f64x2.add(f64x2.mul(sideN, f64x2.sub(s0, f64x2.mul(price, factor))),
    f64x2.mul(n, f64x2.add(f64x2.add(f64x2.add(temporary, d), spread), shift))), excess);
}

/** Mean-variance's risk term lambda tau / 252 pv x^2 (riskCoef = lambda tau / 252), x the shares left after the trade. */
// @ts-ignore: decorator
@inline function riskCost(riskCoef: v128, price: v128, variance: v128, qAfter: v128, abm: bool): v128 {
  const priceVariance = abm ? variance : f64x2.mul(f64x2.mul(price, price), variance);
  return f64x2.mul(f64x2.mul(riskCoef, priceVariance), f64x2.mul(qAfter, qAfter));
}

/**
 * Trades, books the costs and the reward of step k for lane pairs pairFrom .. pairTo - 1 (the price model moves
 * after, in advancePrices).
 */
// @ts-ignore: decorator
@inline function tradePairs(env: usize, k: i32, pairFrom: i32, pairTo: i32): void {
  const model = <i32>E.header(env, E.E_MODEL);
  const abm = model == MODEL_ABM, heston = model == MODEL_HESTON_EULER || model == MODEL_HESTON_QE;
  const steps = <i32>E.header(env, E.E_STEPS), components = <i32>E.header(env, E.E_COMPONENTS);
  const shares = E.header(env, E.E_SHARES);
  const side = headerX2(env, E.E_SIDE), s0 = headerX2(env, E.E_S0);
  // impact
  const permLog = E.header(env, E.E_PERM_LOG);
  const negSidePermLog = f64x2.splat(-E.header(env, E.E_SIDE) * permLog), permAdd = headerX2(env, E.E_PERM_ADD);
  const tempBeta = E.header(env, E.E_TEMP_BETA), transBeta = E.header(env, E.E_TRANS_BETA);
  const volume = perStep(env, E.E_OFF_VOLUME, k);
  const capVolume = f64x2.splat(E.header(env, E.E_CAP) * volume), inverseVolume = f64x2.splat(1.0 / volume);
  const tempScale = f64x2.splat(perStep(env, E.E_OFF_TEMP_SCALE, k)), spread = f64x2.splat(perStep(env, E.E_OFF_SPREAD, k));
  const transScale = f64x2.splat(perStep(env, E.E_OFF_TRANS_SCALE, k));
  const transSelf = headerX2(env, E.E_TRANS_SELF), selfImpact = components > 0 && E.header(env, E.E_TRANS_SELF) != 0.0;
  const kernelW = E.region(env, E.E_OFF_KERNEL_W), kernelD = E.region(env, E.E_OFF_KERNEL_D);
  const lastStep = k == steps - 1;
  const forced = lastStep && E.header(env, E.E_FORCE_LIQUIDATION) != 0.0;
  const penalty = headerX2(env, E.E_PENALTY);
  // the volatility the trade meets (m) and the market's volume (u): see the header
  const season = perStep(env, E.E_OFF_SEASON, k);
  const impactVol = E.header(env, E.E_IMPACT_VOL), pathVol = impactVol != 0.0;
  const volScale = f64x2.splat(heston ? impactVol * season : season);
  const stochasticVolume = E.header(env, E.E_VOLUME_NOISE) != 0.0;
  const transientByVolume = E.header(env, E.E_TRANS_BY_VOLUME) != 0.0;
  const stepVolume = f64x2.splat(volume), seasonVariance = f64x2.splat(season * season);
  // reward
  const objective = <i32>E.header(env, E.E_OBJECTIVE);
  const toBps = f64x2.splat(1e4 / (shares * E.header(env, E.E_S0)));
  const riskCoef = headerX2(env, E.E_RISK_COEF), modelVariance = headerX2(env, E.E_MODEL_VARIANCE);
  const alphaOverX2 = f64x2.splat(E.header(env, E.E_ALPHA) / (shares * shares));
  const invSteps = f64x2.splat(1.0 / <f64>steps);
  // state
  const fractions = E.region(env, E.E_OFF_FRACTIONS);
  const xs = E.stateArray(env, E.S_X), vs = E.stateArray(env, E.S_V), qs = E.stateArray(env, E.S_Q);
  const cums = E.stateArray(env, E.S_CUM), timings = E.stateArray(env, E.S_TIMING);
  const permanents = E.stateArray(env, E.S_PERMANENT), temporaries = E.stateArray(env, E.S_TEMPORARY);
  const transients = E.stateArray(env, E.S_TRANSIENT), spreads = E.stateArray(env, E.S_SPREAD);
  const maxps = E.stateArray(env, E.S_MAXP), priceSums = E.stateArray(env, E.S_PRICE_SUM);
  const permLevels = E.stateArray(env, E.S_PERM_LEVEL), us = E.stateArray(env, E.S_VOLUME_MULT);
  const vwapSums = E.stateArray(env, E.S_VWAP_SUM), volumeSums = E.stateArray(env, E.S_VOLUME_SUM);
  const rewards = E.stateArray(env, E.S_REWARD), returns = E.stateArray(env, E.S_RETURN);
  const d0 = E.stateArray(env, E.S_TRANSIENT_0), stride = <usize>E.header(env, E.E_STATE_STRIDE);
  const zero = f64x2.splat(0.0), one = f64x2.splat(1.0);
  // A do-while, not a for: V8's TurboFan schedules a pure value (a division, a float-to-int conversion, a pointer)
  // next to its use and hoists it out of a loop only when the using block dominates the loop's exit, which the body
  // of a for loop never does; so with a for loop 1e4 / (X s0) and every region pointer were recomputed per pair.
  // For the same reason the trade uses selects: a value used in a branch of the body is recomputed in the branch.
  let p = pairFrom;
  if (p < pairTo) do {
    const q = v128.load(at(qs, p)), cum = v128.load(at(cums, p)), level = v128.load(at(permLevels, p));
    const u = stochasticVolume ? v128.load(at(us, p)) : one;
    const cap = stochasticVolume ? f64x2.mul(capVolume, u) : capVolume;
    const n = tradeSize(v128.load(at(fractions, p)), q, cap, forced);
    const excess = excessCost(n, cap, penalty, forced);
    const x = v128.load(at(xs, p));
    const price = abm ? x : expF64x2(x);
    // m = s_k sqrt(v / v0) (Heston) or s_k; exactly 1 when the impact is at the arrival volatility
    const m = !pathVol ? one : heston ? f64x2.mul(volScale, f64x2.sqrt(f64x2.pmax(v128.load(at(vs, p)), zero))) : volScale;
    // n / u: the trade measured against the step's curve volume, so tempScale_k (n / u)^beta = eta sigma s0 (n / V_k u)^beta
    const nOverU = stochasticVolume ? f64x2.div(n, u) : n;
    const factor = permLog == 0.0 ? one : permanentFactor(negSidePermLog, level);
    const temporary = pathVol ? f64x2.mul(m, temporaryPerShare(nOverU, tempScale, tempBeta)) : temporaryPerShare(nOverU, tempScale, tempBeta);
    const d = transientSum(d0, stride, components, p);
    const impulseBase = components > 0 ? transientImpulse(transientByVolume ? nOverU : n, transScale, transBeta) : zero;
    const impulse = pathVol ? f64x2.mul(m, impulseBase) : impulseBase;
    // what the trade pays per share: earlier trades' decayed impact, plus its share of its own impulse
    const paid = selfImpact ? f64x2.add(d, f64x2.mul(transSelf, impulse)) : d;
    const shift = permanentShift(permAdd, level);
    const sideN = f64x2.mul(side, n);
    const cost = stepCost(sideN, s0, price, factor, n, temporary, paid, spread, shift, excess);
    accumulate(timings, p, f64x2.mul(sideN, f64x2.sub(s0, price)));
    accumulate(permanents, p, permanentCost(sideN, price, factor, n, shift));
    v128.store(at(temporaries, p), f64x2.add(f64x2.add(v128.load(at(temporaries, p)), f64x2.mul(n, temporary)), excess));
    accumulate(spreads, p, f64x2.mul(n, spread));
    v128.store(at(maxps, p), f64x2.pmax(v128.load(at(maxps, p)), f64x2.mul(nOverU, inverseVolume)));
    if (components > 0) { // without transient impact D = 0 and the transient cost stays 0
      accumulate(transients, p, f64x2.mul(n, paid));
      transientDecay(d0, stride, components, p, kernelW, kernelD, impulse);
    }
    const marketVolume = f64x2.mul(stepVolume, u);
    accumulate(vwapSums, p, f64x2.mul(price, marketVolume));
    accumulate(volumeSums, p, marketVolume);
    const cumAfter = f64x2.add(cum, n), qAfter = f64x2.sub(q, n);
    v128.store(at(cums, p), cumAfter);
    v128.store(at(permLevels, p), pathVol ? f64x2.add(level, f64x2.mul(m, n)) : f64x2.add(level, n));
    v128.store(at(qs, p), qAfter);
    // the reward by objective (see the header)
    let reward = cost;
    if (objective == E.OBJECTIVE_MEAN_VARIANCE) {
      const variance = heston ? f64x2.pmax(v128.load(at(vs, p)), zero) : modelVariance;
      reward = f64x2.add(reward, riskCost(riskCoef, price, f64x2.mul(variance, seasonVariance), qAfter, abm));
    }
    reward = f64x2.neg(f64x2.mul(reward, toBps));
    // the window's prices, for its average (the OPD reward, and every strategy's price advantage)
    const priceSum = f64x2.add(v128.load(at(priceSums, p)), price);
    v128.store(at(priceSums, p), priceSum);
    if (objective == E.OBJECTIVE_OPD) {
      reward = f64x2.sub(reward, f64x2.mul(alphaOverX2, f64x2.mul(n, n)));
      if (lastStep) {
        const average = f64x2.mul(priceSum, invSteps);
        reward = f64x2.add(reward, f64x2.mul(f64x2.mul(f64x2.mul(side, f64x2.sub(s0, average)), cumAfter), toBps));
      }
    }
    v128.store(at(rewards, p), reward);
    accumulate(returns, p, reward);
    p++;
  } while (p < pairTo);
}

/**
 * The price model's step k for lane pairs pairFrom .. pairTo - 1: one tight loop per model with no branch inside.
 * The three loops stay in one body with the pointers loaded once: as three inline functions (each loading its own)
 * the 5-step ABM environment measured 15% slower per step (bench/ab-env.ts, same run).
 */
// @ts-ignore: decorator
@inline function advancePrices(env: usize, k: i32, pairFrom: i32, pairTo: i32): void {
  const model = <i32>E.header(env, E.E_MODEL);
  const params = E.region(env, E.E_OFF_PARAMS);
  const normals = E.region(env, E.E_OFF_NORMALS), uniforms = E.region(env, E.E_OFF_UNIFORMS);
  const xs = E.stateArray(env, E.S_X), vs = E.stateArray(env, E.S_V);
  const zero = f64x2.splat(0.0);
  // the step's volatility multiplier s_k (1 exactly without seasonality, so the products below change no bit)
  const s = perStep(env, E.E_OFF_SEASON, k), season = f64x2.splat(s);
  if (model == MODEL_HESTON_EULER) {
    const dt = paramX2(params, P_DT), muDt = paramX2(params, P_MU_DT);
    const halfDt = f64x2.splat(param(params, P_HALF_DT) * (s * s));
    const kappaThetaDt = paramX2(params, P_KAPPA_THETA_DT), kappaDt = paramX2(params, P_KAPPA_DT);
    const xi = paramX2(params, P_XI), rho = paramX2(params, P_RHO), rhoBar = paramX2(params, P_RHO_BAR);
    const phase = <usize>(k & 1) << 6;
    for (let p = pairFrom; p < pairTo; p++) {
      const z = normals + (<usize>(p >> 1) << 7) + phase + (<usize>(p & 1) << 4);
      const z1 = v128.load(z), z2 = v128.load(z, 32);
      const x = v128.load(at(xs, p)), v = v128.load(at(vs, p));
      const vp = f64x2.pmax(v, zero);
      const sq = f64x2.sqrt(f64x2.mul(vp, dt));
      v128.store(at(xs, p), logPriceStep(x, vp, f64x2.mul(sq, season), z1, muDt, halfDt));
      v128.store(at(vs, p), varianceStep(v, vp, sq, z1, z2, kappaThetaDt, kappaDt, xi, rho, rhoBar));
    }
  } else if (model == MODEL_HESTON_QE) {
    const phase = <usize>(k & 1) << 6, column = <usize>(k & 3) << 4;
    for (let p = pairFrom; p < pairTo; p++) {
      const g = <usize>(p >> 1);
      const z = normals + (g << 7) + phase + (<usize>(p & 1) << 4);
      const words = v128.load(uniforms + (g << 6) + column);
      const w = (p & 1) ? i64x2.extend_high_i32x4_u(words) : i64x2.extend_low_i32x4_u(words);
      v128.store(at(xs, p), qeStepF64x2(params, v128.load(at(xs, p)), v128.load(at(vs, p)), v128.load(z), v128.load(z, 32), uniformF64x2(w)));
      v128.store(at(vs, p), qeNextV);
    }
  } else {
    // GBM's Ito term follows the step's variance: drift - (s^2 - 1) sigma^2 dt / 2 (exactly drift when s = 1)
    const volDt = param(params, P_VOL_SQRT_DT);
    const driftK = model == MODEL_GBM ? param(params, P_DRIFT_DT) - (s * s - 1.0) * (0.5 * volDt * volDt) : param(params, P_DRIFT_DT);
    const drift = f64x2.splat(driftK), vol = f64x2.splat(volDt * s);
    const phase = <usize>(k & 3) << 5;
    for (let p = pairFrom; p < pairTo; p++) {
      const z = v128.load(normals + (<usize>(p >> 1) << 7) + phase + (<usize>(p & 1) << 4));
      v128.store(at(xs, p), f64x2.add(f64x2.add(v128.load(at(xs, p)), drift), f64x2.mul(vol, z)));
    }
  }
}
