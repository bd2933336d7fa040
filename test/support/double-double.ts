// High-accuracy reference for the math tests: exp, log, sin/cos(2 pi u) in double-double arithmetic, and ulp errors.
//
// Arithmetic: error-free transformations (Knuth's TwoSum, Dekker's FastTwoSum, Dekker's TwoProd with
// Veltkamp splitting, since JS has no fma) and the double-double add / mul / div of Hida, Li and Bailey's
// QD library (the "accurate" add). Each operation has a relative error of a few u^2 (u = 2^-53, u^2 = 1.2e-32).
// The functions reduce the argument exactly (or with ln2, pi/2 in triple-double), look up a table at
// multiples of 1/64 computed at load time by long Taylor series, and finish with a short series on |d| <= 1/128.
// Accuracy: max 3.6e-32 relative against mpmath at 256 bits on 8,354 points (test/fixtures/math-oracle.json,
// scripts/make-math-oracle.py), asserted < 1e-30 in test/support/double-double.test.ts: enough to measure
// the error of a double result to far better than 0.001 ulp. None of this calls Math.exp, Math.log or Math.sin.

/**
 * An exact value as a scaled double-double: (hi + lo) * 2^exp2 with |lo| <= ulp(hi) / 2. The scale keeps
 * full precision where a plain double-double cannot (subnormal results of exp and sin2pi, exp beyond
 * Number.MAX_VALUE). hi is NaN for an undefined value and +-Infinity only for an infinite one (exp(+inf),
 * log(+inf), log(0), or exp(x) for x > 2^16, far beyond any double).
 */
export interface Exact {
  hi: number;
  lo: number;
  exp2: number;
}

// ---- error-free transformations; results in the registers H, L (no allocation on the hot path) ----

let H = 0;
let L = 0;
const SPLITTER = 134217729; // 2^27 + 1: Veltkamp's split of a double into two 26-bit halves

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  L = a - (s - bb) + (b - bb);
  H = s;
}

/** Requires |a| >= |b| (or a = 0). */
function fastTwoSum(a: number, b: number): void {
  const s = a + b;
  L = b - (s - a);
  H = s;
}

/** a * b = H + L exactly (for |a|, |b| < 2^996 and no underflow). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
  H = p;
}

/** (ah, al) + (bh, bl), QD's accurate add: relative error <= 3 u^2 even under cancellation. */
function add(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = H,
    s2 = L;
  twoSum(al, bl);
  const t1 = H,
    t2 = L;
  fastTwoSum(s1, s2 + t1);
  fastTwoSum(H, L + t2);
}

/** (ah, al) * (bh, bl): relative error <= 7 u^2 (Joldes, Muller, Popescu 2017, DWTimesDW1). */
function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = H;
  const e = L + (ah * bl + al * bh);
  fastTwoSum(p, e);
}

/** (ah, al) * b for a double b. */
function mulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const p = H;
  const e = L + al * b;
  fastTwoSum(p, e);
}

/** (ah, al) / (bh, bl) by three quotient digits (QD's accurate division). */
function div(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  mulD(bh, bl, q1);
  add(ah, al, -H, -L);
  const rh = H,
    rl = L;
  const q2 = rh / bh;
  mulD(bh, bl, q2);
  add(rh, rl, -H, -L);
  const q3 = H / bh;
  fastTwoSum(q1, q2);
  add(H, L, q3, 0);
}

// ---- bits ----

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** floor(log2 |x|) for a finite non-zero double, subnormals included. */
export function exponentOf(x: number): number {
  scratch[0] = x;
  const biased = (words[1]! >>> 20) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  scratch[0] = x * 18446744073709551616; // 2^64 lifts a subnormal into the normal range
  return ((words[1]! >>> 20) & 0x7ff) - 1023 - 64;
}

/** 2^n for an integer -1022 <= n <= 1023, from bits. */
function pow2(n: number): number {
  words[1] = (n + 1023) << 20;
  words[0] = 0;
  return scratch[0]!;
}

/** x * 2^n, exact whenever the result is a normal double or x's bits all survive (steps of at most 2^±1000). */
export function scale2(x: number, n: number): number {
  while (n > 1000) {
    x *= pow2(1000);
    n -= 1000;
  }
  while (n < -1000) {
    x *= pow2(-1000);
    n += 1000;
  }
  return x * pow2(n);
}

// ---- constants: triple-double splits of ln 2 and pi / 2 (mpmath, 300 bits) ----

const LN2_1 = 0.6931471805599453; // 0x1.62e42fefa39efp-1
const LN2_2 = 2.3190468138462996e-17; // 0x1.abc9e3b39803fp-56
const LN2_3 = 5.707708438416212e-34; // 0x1.7b57a079a1934p-111
const PIO2_1 = 1.5707963267948966; // 0x1.921fb54442d18p+0
const PIO2_2 = 6.123233995736766e-17; // 0x1.1a62633145c07p-54
const PIO2_3 = -1.4973849048591698e-33; // -0x1.f1976b7ed8fbcp-110
const LOG2E = 1.4426950408889634; // only to pick k; any nearby value works

// ---- tables, computed once at load time ----

const TERMS = 40;
/** 1/n! as double-doubles for n = 0..TERMS. */
const INV_FACT_HI = new Float64Array(TERMS + 1);
const INV_FACT_LO = new Float64Array(TERMS + 1);
INV_FACT_HI[0] = 1;
for (let n = 1; n <= TERMS; n++) {
  div(INV_FACT_HI[n - 1]!, INV_FACT_LO[n - 1]!, n, 0);
  INV_FACT_HI[n] = H;
  INV_FACT_LO[n] = L;
}
/** 1/(2n + 1) as double-doubles for n = 0..TERMS (the atanh series). */
const INV_ODD_HI = new Float64Array(TERMS + 1);
const INV_ODD_LO = new Float64Array(TERMS + 1);
for (let n = 0; n <= TERMS; n++) {
  div(1, 0, 2 * n + 1, 0);
  INV_ODD_HI[n] = H;
  INV_ODD_LO[n] = L;
}

/** sum c_n x^n for n = 0..degree by Horner, the coefficients c_n = hi[n] + lo[n] as double-doubles. */
function horner(hi: Float64Array, lo: Float64Array, degree: number, xh: number, xl: number): void {
  let ph = hi[degree]!,
    pl = lo[degree]!;
  for (let n = degree - 1; n >= 0; n--) {
    mul(ph, pl, xh, xl);
    add(H, L, hi[n]!, lo[n]!);
    ph = H;
    pl = L;
  }
  H = ph;
  L = pl;
}

/** exp(dh + dl) by Taylor to the given degree. */
function expTaylor(dh: number, dl: number, degree: number): void {
  horner(INV_FACT_HI, INV_FACT_LO, degree, dh, dl);
}

/** atanh(s) / s = sum s^2n / (2n + 1) in z = s^2, to the given number of terms. */
function atanhOverS(zh: number, zl: number, terms: number): void {
  horner(INV_ODD_HI, INV_ODD_LO, terms, zh, zl);
}

/** sin(a) / a (odd = true) or cos(a) (odd = false) by Taylor in z = a^2, up to z^terms. */
function trigTaylor(zh: number, zl: number, terms: number, odd: boolean): void {
  const base = odd ? 1 : 0;
  const sign = terms % 2 === 0 ? 1 : -1;
  let ph = sign * INV_FACT_HI[2 * terms + base]!,
    pl = sign * INV_FACT_LO[2 * terms + base]!;
  for (let n = terms - 1; n >= 0; n--) {
    const s = n % 2 === 0 ? 1 : -1;
    mul(ph, pl, zh, zl);
    add(H, L, s * INV_FACT_HI[2 * n + base]!, s * INV_FACT_LO[2 * n + base]!);
    ph = H;
    pl = L;
  }
  H = ph;
  L = pl;
}

const STEPS = 64; // tables at multiples of 1/64; the remaining |d| <= 1/128
/** exp(j / 64) for j = -32..32 at index j + 32. */
const EXP_T_HI = new Float64Array(2 * 32 + 1);
const EXP_T_LO = new Float64Array(2 * 32 + 1);
for (let j = -32; j <= 32; j++) {
  expTaylor(j / STEPS, 0, 32); // |j/64| <= 1/2: 0.5^33 / 33! < 1e-46
  EXP_T_HI[j + 32] = H;
  EXP_T_LO[j + 32] = L;
}
/** log(1 + j / 64) for j = -20..28 at index j + 20 (covers 1 + j/64 in [sqrt(1/2), sqrt(2)]). */
const LOG_T_HI = new Float64Array(49);
const LOG_T_LO = new Float64Array(49);
for (let j = -20; j <= 28; j++) {
  const c = 1 + j / STEPS;
  twoSum(c, 1);
  div(c - 1, 0, H, L); // s = (c - 1) / (c + 1), |s| <= 0.18
  const sh = H,
    sl = L;
  mul(sh, sl, sh, sl);
  atanhOverS(H, L, TERMS); // 0.18^82 / 83 < 1e-62
  mul(H, L, sh, sl);
  LOG_T_HI[j + 20] = 2 * H;
  LOG_T_LO[j + 20] = 2 * L;
}
/** sin and cos of (pi / 2)(j / 64) for j = 0..32. */
const SIN_T_HI = new Float64Array(33);
const SIN_T_LO = new Float64Array(33);
const COS_T_HI = new Float64Array(33);
const COS_T_LO = new Float64Array(33);
for (let j = 0; j <= 32; j++) {
  const [ah, al] = halfPiTimes(j / STEPS); // <= pi / 4
  mul(ah, al, ah, al);
  const zh = H,
    zl = L;
  trigTaylor(zh, zl, 19, true); // (pi/4)^40 / 41! < 1e-53
  mul(H, L, ah, al);
  SIN_T_HI[j] = H;
  SIN_T_LO[j] = L;
  trigTaylor(zh, zl, 19, false);
  COS_T_HI[j] = H;
  COS_T_LO[j] = L;
}

/** (pi / 2) r as a double-double, r a double (triple-double pi/2: relative error ~ u^3). */
function halfPiTimes(r: number): [number, number] {
  twoProd(r, PIO2_1);
  const p1 = H,
    e1 = L;
  twoProd(r, PIO2_2);
  const p2 = H,
    e2 = L;
  add(p1, e1, p2, e2 + r * PIO2_3);
  return [H, L];
}

// ---- the functions ----

const EXP_LIMIT = 65536; // |x| beyond this: exp is +inf or 0 by any measure (|k| stays exact in the reduction)

/** exp(x) exactly to < 1e-30 relative; hi in [0.7, 1.5] and exp2 = k unless the value is 0, inf or NaN. */
export function exp(x: number): Exact {
  if (x !== x) return { hi: NaN, lo: NaN, exp2: 0 };
  if (x > EXP_LIMIT) return { hi: Infinity, lo: 0, exp2: 0 };
  if (x < -EXP_LIMIT) return { hi: 0, lo: 0, exp2: 0 };
  const k = Math.round(x * LOG2E);
  // r = x - k ln2 with ln2 in triple-double: every product but the last is exact (TwoProd)
  twoProd(k, LN2_1);
  const p1 = H,
    e1 = L;
  twoProd(k, LN2_2);
  const p2 = H,
    e2 = L;
  twoSum(x, -p1);
  add(H, L, -e1, -p2);
  add(H, L, -e2, -k * LN2_3);
  const rh = H,
    rl = L; // |r| <= 0.35
  const j = Math.round(rh * STEPS);
  add(rh, rl, -j / STEPS, 0); // d = r - j/64, |d| <= 1/128
  expTaylor(H, L, 12); // (1/128)^13 / 13! < 1e-36
  mul(EXP_T_HI[j + 32]!, EXP_T_LO[j + 32]!, H, L);
  return { hi: H, lo: L, exp2: k };
}

const SQRT2 = 1.4142135623730951;

/** log(x) exactly to < 1e-30 relative (exp2 = 0): every double, log(0) = -inf, log(x < 0) = NaN. */
export function log(x: number): Exact {
  if (x !== x || x < 0) return { hi: NaN, lo: NaN, exp2: 0 };
  if (x === 0) return { hi: -Infinity, lo: 0, exp2: 0 };
  if (x === Infinity) return { hi: Infinity, lo: 0, exp2: 0 };
  let e = exponentOf(x);
  let m = scale2(x, -e); // [1, 2), exact
  if (m > SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const j = Math.round((m - 1) * STEPS); // -19..27
  const c = 1 + j / STEPS;
  // log m = log c + 2 atanh(s), s = (m - c) / (m + c); m - c is exact (Sterbenz), |s| <= 1/181
  twoSum(m, c);
  div(m - c, 0, H, L);
  const sh = H,
    sl = L;
  mul(sh, sl, sh, sl);
  atanhOverS(H, L, 8); // (1/181)^18 / 19 < 1e-42
  mul(H, L, 2 * sh, 2 * sl);
  add(H, L, LOG_T_HI[j + 20]!, LOG_T_LO[j + 20]!);
  const th = H,
    tl = L;
  if (e === 0) return { hi: th, lo: tl, exp2: 0 };
  twoProd(e, LN2_1);
  const p1 = H,
    e1 = L;
  twoProd(e, LN2_2);
  add(p1, e1, H, L + e * LN2_3);
  add(H, L, th, tl);
  return { hi: H, lo: L, exp2: 0 };
}

// Below 2^-800, (pi/2) r is computed scaled by 2^600: unscaled, the low parts of its double-double
// (2^-106 below the high part) would fall into the subnormal range and lose bits.
const TINY = 2 ** -800;
const TINY_SCALE = 600;

/**
 * [sin(2 pi u), cos(2 pi u)] exactly to < 1e-30 relative, for every double u (NaN for +-inf and NaN).
 * Exact zeros come out as hi = lo = 0 (sign not modelled); sin of a tiny u keeps full precision via exp2.
 */
export function sincos2pi(u: number): [Exact, Exact] {
  if (u !== u || u === Infinity || u === -Infinity) {
    return [
      { hi: NaN, lo: NaN, exp2: 0 },
      { hi: NaN, lo: NaN, exp2: 0 },
    ];
  }
  const f = u - Math.trunc(u); // exact; sin and cos have period 1
  const t = 4 * f;
  const q = Math.round(t); // ties do not matter: both neighbours give the same value
  const r = t - q; // exact, [-1/2, 1/2]
  const n = ((q % 4) + 4) % 4;
  let sh: number,
    sl: number,
    ch: number,
    cl: number,
    sExp2 = 0;
  if (r === 0) {
    sh = 0;
    sl = 0;
    ch = 1;
    cl = 0;
  } else if (Math.abs(r) < TINY) {
    // sin(a) = a (1 - a^2/6 ...) with a^2 < 2^-1598: a itself; cos(a) = 1 to within 2^-1600
    const [ah, al] = halfPiTimes(scale2(r, TINY_SCALE));
    sh = ah;
    sl = al;
    sExp2 = -TINY_SCALE;
    ch = 1;
    cl = 0;
  } else {
    const j = Math.round(r * STEPS); // -32..32
    const d = r - j / STEPS; // exact, |d| <= 1/128
    const [ah, al] = halfPiTimes(d);
    mul(ah, al, ah, al);
    const zh = H,
      zl = L;
    trigTaylor(zh, zl, 7, true); // (pi/256)^16 / 17! < 1e-44
    mul(H, L, ah, al);
    const sdh = H,
      sdl = L;
    trigTaylor(zh, zl, 7, false);
    const cdh = H,
      cdl = L;
    const aj = Math.abs(j),
      sgn = j < 0 ? -1 : 1;
    const sah = sgn * SIN_T_HI[aj]!,
      sal = sgn * SIN_T_LO[aj]!,
      cah = COS_T_HI[aj]!,
      cal = COS_T_LO[aj]!;
    // sin(a + d) = sin a cos d + cos a sin d; cos(a + d) = cos a cos d - sin a sin d
    mul(sah, sal, cdh, cdl);
    const x1h = H,
      x1l = L;
    mul(cah, cal, sdh, sdl);
    add(x1h, x1l, H, L);
    sh = H;
    sl = L;
    mul(cah, cal, cdh, cdl);
    const y1h = H,
      y1l = L;
    mul(sah, sal, sdh, sdl);
    add(y1h, y1l, -H, -L);
    ch = H;
    cl = L;
  }
  // quadrant n: sin = s, c, -s, -c and cos = c, -s, -c, s
  const swap = n % 2 === 1;
  const ps = swap ? { hi: ch, lo: cl, exp2: 0 } : { hi: sh, lo: sl, exp2: sExp2 };
  const pc = swap ? { hi: sh, lo: sl, exp2: sExp2 } : { hi: ch, lo: cl, exp2: 0 };
  if (n >= 2) {
    ps.hi = -ps.hi;
    ps.lo = -ps.lo;
  }
  if (n === 1 || n === 2) {
    pc.hi = -pc.hi;
    pc.lo = -pc.lo;
  }
  return [ps, pc];
}

// ---- measuring ----

const TWO_P1024_AS_ULPS = 9007199254740992; // 2^1024 / 2^971 = 2^53

/**
 * |got - exact| in ulps of the exact value, exact = (exactHi + exactLo) * 2^exactExp2.
 * ulp(v) = 2^(e - 52) with e = floor(log2 |v|) clamped to [-1022, 1023]: subnormals have ulp 2^-1074, and
 * values beyond MAX_VALUE keep the spacing 2^971 (as IEEE rounding does on its way to overflow).
 * Conventions: the sign of zero is not measured (the special-case tests check it); an exact zero measures
 * |got| in units of 2^-1074. NaN vs NaN is 0 and NaN vs anything else is Infinity. An infinite exact value
 * (hi = +-inf) needs the same infinity, else Infinity. An infinite got stands for +-2^1024 (IEEE's overflow
 * threshold lies half an ulp below it) and is exact for |v| >= 2^1024 of its sign: so a correctly rounded
 * result always measures <= 0.5.
 */
export function ulpError(got: number, exactHi: number, exactLo = 0, exactExp2 = 0): number {
  if (exactHi !== exactHi) return got !== got ? 0 : Infinity;
  if (got !== got) return Infinity;
  if (exactHi === Infinity || exactHi === -Infinity) return got === exactHi ? 0 : Infinity;
  if (exactHi === 0) return scale2(Math.abs(got), 1074);
  let e = exponentOf(exactHi);
  if (exactLo !== 0 && exactLo < 0 !== exactHi < 0 && Math.abs(exactHi) === scale2(1, e)) e -= 1;
  e += exactExp2;
  if (got === Infinity || got === -Infinity) {
    if (got > 0 !== exactHi > 0) return Infinity;
    if (e >= 1024) return 0;
    // (2^1024 - |v|) / 2^971
    const sign = exactHi < 0 ? -1 : 1;
    twoSum(TWO_P1024_AS_ULPS, -scale2(sign * exactHi, exactExp2 - 971));
    return Math.max(0, H + (L - scale2(sign * exactLo, exactExp2 - 971)));
  }
  const ulpExp = Math.min(Math.max(e, -1022), 1023) - 52;
  const g = scale2(got, -ulpExp);
  if (!Number.isFinite(g)) return Infinity;
  twoSum(g, -scale2(exactHi, exactExp2 - ulpExp));
  return Math.abs(H + (L - scale2(exactLo, exactExp2 - ulpExp)));
}

/** |a - b| / |b| for two exact values (b non-zero and finite), to compare the reference with mpmath. */
export function relativeDifference(a: Exact, b: Exact): number {
  const shift = a.exp2 - b.exp2;
  add(scale2(a.hi, shift), scale2(a.lo, shift), -b.hi, -b.lo);
  return Math.abs(H + L) / Math.abs(b.hi);
}
