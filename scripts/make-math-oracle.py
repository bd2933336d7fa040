#!/usr/bin/env python3
# Writes test/fixtures/math-oracle.json: exp, log, sin/cos(2 pi u) from mpmath at 256 bits, as scaled double-doubles.
#
# The fixture is committed (CI has no mpmath); test/support/double-double.test.ts checks the double-double
# reference of test/support/double-double.ts against it. Run: python3 scripts/make-math-oracle.py
# Each record is [x, hi, lo, e] (sincos2pi: [u, sin hi, sin lo, sin e, cos hi, cos lo, cos e]) meaning
# f(x) = (hi + lo) * 2^e, with hi = round(m), lo = round(m - hi) for m = f(x) / 2^e. e is 0 unless f(x) is
# outside [2^-900, 2^1000), where a plain double-double would lose bits (subnormal or overflowing results);
# then e = floor(log2 |f(x)|) and hi is in [1, 2). An exact zero is [0, 0, 0]. Inputs are finite doubles
# (the infinities and NaN are special-case tests, and JSON has no literal for them).
import json
import math
import random
import struct
from pathlib import Path

import mpmath
from mpmath import mp, mpf

mp.prec = 256  # 77 significant digits
SEED = 20261123
OUT = Path(__file__).resolve().parent.parent / 'test' / 'fixtures' / 'math-oracle.json'

MIN_SUBNORMAL = 5e-324
MIN_NORMAL = 2.2250738585072014e-308
MAX = 1.7976931348623157e308
LN2 = math.log(2)


def bits_to_double(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def double_to_bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def step(x, n):
    """The double n representable steps away from x (through zero with sign changes is not needed here)."""
    return bits_to_double(double_to_bits(x) + n) if x > 0 else -bits_to_double(double_to_bits(-x) - n)


def near(rng, x, spread, count):
    """count doubles within spread steps of x (x included)."""
    out = [x]
    for _ in range(count - 1):
        out.append(step(x, rng.randint(-spread, spread)))
    return out


def exponent_uniform(rng, lo_exp, hi_exp, signed=True):
    """+-2^E (1 + f) with E uniform: every scale is as likely as every other."""
    e = rng.randint(lo_exp, hi_exp)
    m = 1 + rng.random()
    x = math.ldexp(m, e) if e >= -1022 else math.ldexp(rng.randint(1, 2**52 - 1), -1074)
    return -x if signed and rng.random() < 0.5 else x


def scaled_dd(v):
    """[hi, lo, e] with v = (hi + lo) 2^e, as described in the header."""
    if v == 0:
        return [0.0, 0.0, 0]
    mant, ex = mpmath.frexp(v)  # v = mant 2^ex, |mant| in [1/2, 1)
    e2 = int(ex) - 1
    e = 0 if -900 <= e2 < 1000 else e2
    m = mpmath.ldexp(v, -e)
    hi = float(m)
    lo = float(m - hi)
    return [hi, lo, e]


def unique(xs):
    seen, out = set(), []
    for x in xs:
        key = double_to_bits(x)
        if math.isfinite(x) and key not in seen:
            seen.add(key)
            out.append(x)
    return out


def exp_points(rng):
    xs = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, MIN_SUBNORMAL, -MIN_SUBNORMAL, MIN_NORMAL, -MIN_NORMAL]
    xs += [float(k) for k in range(-745, 710, 7)]
    xs += [rng.uniform(-745.2, 709.8) for _ in range(1100)]
    xs += [rng.uniform(-1100, -745.2) for _ in range(40)] + [rng.uniform(709.8, 1100) for _ in range(40)]
    xs += [exponent_uniform(rng, -1074, 9) for _ in range(800)]
    xs += [rng.uniform(-1, 1) for _ in range(150)]
    # near k ln2 and (k + 1/2) ln2: the reduction's hard cases and the boundaries of its rounding
    for _ in range(250):
        k = rng.randint(-1075, 1024)
        xs += near(rng, float(mpf(k) * mpmath.ln2), 4, 2)
        xs += near(rng, float((mpf(k) + mpf(0.5)) * mpmath.ln2), 4, 1)
    # overflow (exp(x) = MAX near 709.78), the end of the normal range (2^-1022), the last subnormal
    for edge in (709.782712893384, float(mpmath.log(MIN_NORMAL)), -745.1332191019411, -744.4400719213812):
        xs += near(rng, edge, 40, 40)
    return unique(xs)


def log_points(rng):
    xs = [1.0, 2.0, 0.5, MIN_SUBNORMAL, MIN_NORMAL, MAX, math.e, 10.0, math.sqrt(2), math.sqrt(0.5)]
    xs += [math.ldexp(1, e) for e in range(-1074, 1024, 17)]
    xs += [bits_to_double(rng.randint(1, 0x7fefffffffffffff)) for _ in range(1200)]
    xs += [1 - rng.random() for _ in range(500)]  # (0, 1]: what a uniform draw gives
    xs += [rng.uniform(0.5, 2) for _ in range(250)]
    # near 1, where the result is small and relative accuracy is hardest
    xs += near(rng, 1.0, 200, 150)
    xs += [1 + math.ldexp(rng.uniform(-1, 1), -rng.randint(1, 60)) for _ in range(250)]
    # subnormals, the normal boundary, and the window edges sqrt(1/2), sqrt(2) of the mantissa
    xs += [math.ldexp(rng.randint(1, 2**52 - 1), -1074) for _ in range(150)]
    xs += near(rng, MIN_NORMAL, 50, 30) + near(rng, MAX, 50, 20)
    for _ in range(60):
        s = math.ldexp(1, rng.randint(-1070, 1020))
        xs += near(rng, math.sqrt(2) * s, 3, 2) + near(rng, math.sqrt(0.5) * s, 3, 2)
    return unique(xs)


def sincos_points(rng):
    us = [0.0, -0.0, 0.125, 0.25, 0.375, 0.5, 0.75, 1.0, -0.125, -0.25, -0.5, 1 / 3, MIN_SUBNORMAL,
          -MIN_SUBNORMAL, MIN_NORMAL, 2.0**52 + 1, 2.0**53, 1e300, MAX / 8, MAX]
    us += [rng.random() for _ in range(900)]
    us += [rng.uniform(-1, 1) for _ in range(250)]
    us += [exponent_uniform(rng, -1074, 60) for _ in range(600)]
    us += [rng.uniform(-1e6, 1e6) for _ in range(100)]
    # near multiples of 1/8: quadrant edges (1/4), exact zeros (1/2) and the kernel's end points (1/8)
    for _ in range(120):
        k = rng.randint(-24, 24)
        us += near(rng, k / 8, 60, 3) if k != 0 else []
        us += [k / 8 + math.ldexp(rng.uniform(-1, 1), -rng.randint(10, 60))]
    # the reference's own table edges: r = 4u - q = (j + 1/2) / 64
    for _ in range(60):
        q, j = rng.randint(-4, 4), rng.randint(-32, 31)
        us += near(rng, (q + (j + 0.5) / 64) / 4, 3, 2)
    us += [math.ldexp(rng.randint(1, 2**52 - 1), -1074) for _ in range(40)]
    return unique(us)


def main():
    rng = random.Random(SEED)
    two_pi = 2  # sinpi / cospi take the angle in units of pi: sin(2 pi u) = sinpi(2 u)
    exp_rows = [[x] + scaled_dd(mpmath.exp(mpf(x))) for x in exp_points(rng)]
    log_rows = [[x] + scaled_dd(mpmath.log(mpf(x))) for x in log_points(rng)]
    sincos_rows = [[u] + scaled_dd(mpmath.sinpi(two_pi * mpf(u))) + scaled_dd(mpmath.cospi(two_pi * mpf(u)))
                   for u in sincos_points(rng)]
    doc = {
        'about': 'exp, log, sin(2 pi u), cos(2 pi u) from mpmath ' + mpmath.__version__ + ' at ' + str(mp.prec)
                 + ' bits; value = (hi + lo) * 2^e; written by scripts/make-math-oracle.py',
        'seed': SEED,
        'exp': exp_rows,
        'log': log_rows,
        'sincos2pi': sincos_rows,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, separators=(',', ':'), allow_nan=False)
    text = text.replace('],[', '],\n[')  # one record a line: readable diffs
    OUT.write_text(text + '\n')
    print(f'{OUT}: exp {len(exp_rows)}, log {len(log_rows)}, sincos2pi {len(sincos_rows)} points, '
          f'{len(text) / 1e6:.2f} MB')


if __name__ == '__main__':
    main()
