// Minimal complex arithmetic for the Heston characteristic function, with cancellation-free expm1 and log1p.
// Plain Math.* (an oracle, not a kernel). Each op is the textbook formula unless a comment says why not.

export interface Complex {
  readonly re: number;
  readonly im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });

export const cAdd = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
export const cSub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
export const cNeg = (a: Complex): Complex => ({ re: -a.re, im: -a.im });
export const cScale = (a: Complex, s: number): Complex => ({ re: a.re * s, im: a.im * s });
export const cMul = (a: Complex, b: Complex): Complex => ({
  re: a.re * b.re - a.im * b.im,
  im: a.re * b.im + a.im * b.re,
});

/** a / b by Smith's algorithm (Smith 1962, CACM 5(8) 435), so |b| near the overflow edge cannot overflow. */
export function cDiv(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re,
      den = b.re + b.im * r;
    return { re: (a.re + a.im * r) / den, im: (a.im - a.re * r) / den };
  }
  const r = b.re / b.im,
    den = b.re * r + b.im;
  return { re: (a.re * r + a.im) / den, im: (a.im * r - a.re) / den };
}

/** Principal square root (Re >= 0), computed without the cancellation of sqrt((|z| - re) / 2) (Kahan 1987). */
export function cSqrt(z: Complex): Complex {
  if (z.re === 0 && z.im === 0) return { re: 0, im: z.im };
  const t = Math.sqrt((Math.abs(z.re) + Math.hypot(z.re, z.im)) / 2);
  if (z.re >= 0) return { re: t, im: z.im / (2 * t) };
  return { re: Math.abs(z.im) / (2 * t), im: z.im >= 0 ? t : -t };
}

export function cExp(z: Complex): Complex {
  const m = Math.exp(z.re);
  return { re: m * Math.cos(z.im), im: m * Math.sin(z.im) };
}

/** e^z - 1 accurate to a few ulps near 0: Re = expm1(x) cos y - 2 sin^2(y/2) has no cancellation. */
export function cExpm1(z: Complex): Complex {
  const s = Math.sin(z.im / 2);
  return { re: Math.expm1(z.re) * Math.cos(z.im) - 2 * s * s, im: Math.exp(z.re) * Math.sin(z.im) };
}

/** Principal log(1 + z), accurate near z = 0 where log(1 + z) would lose the digits of z. */
export function cLog1p(z: Complex): Complex {
  const x = z.re,
    y = z.im;
  if (Math.abs(x) < 0.5 && Math.abs(y) < 0.5) {
    // |1 + z|^2 - 1 = 2x + x^2 + y^2 has no cancellation for |z| < 1/2.
    return { re: 0.5 * Math.log1p(2 * x + x * x + y * y), im: Math.atan2(y, 1 + x) };
  }
  return { re: Math.log(Math.hypot(1 + x, y)), im: Math.atan2(y, 1 + x) };
}

/** log(1 + z) / z, continuous at z = 0 (value 1), for formulas that divide a vanishing log by a vanishing scale. */
export function cLog1pOverZ(z: Complex): Complex {
  if (z.re === 0 && z.im === 0) return { re: 1, im: 0 };
  return cDiv(cLog1p(z), z);
}
