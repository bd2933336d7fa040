// Timestamps of bar files: ISO 8601 with or without an offset, `YYYY-MM-DD HH:MM:SS[.ffffff]`, YYYYMMDD dates, epoch
// seconds / milliseconds; each read into UTC epoch milliseconds and the exchange's wall clock.

/** A parsed timestamp: UTC epoch milliseconds and the wall clock it was written in (as if UTC), milliseconds. */
export interface Stamp {
  epochMs: number;
  /** Wall-clock time of the writer (local date and time of day) on a UTC scale; equal to epochMs without an offset. */
  wallMs: number;
}

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; Hinnant's days_from_civil, exact for all int years). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function validDate(y: number, m: number, d: number): boolean {
  if (!(m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * Parses one timestamp; undefined when it is none of the accepted forms (the caller names line and column).
 * Epoch numbers: below 1e11 seconds, below 1e14 milliseconds, else microseconds (Lean-style and exchange feeds).
 */
export function parseTimestamp(text: string): Stamp | undefined {
  const s = text.trim();
  if (/^\d{8}$/.test(s)) {
    // YYYYMMDD (Lean daily bars)
    const y = digits(s, 0, 4),
      m = digits(s, 4, 2),
      d = digits(s, 6, 2);
    if (!validDate(y, m, d)) return undefined;
    const ms = daysFromCivil(y, m, d) * MS_PER_DAY;
    return { epochMs: ms, wallMs: ms };
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    // epoch
    const v = Number(s);
    const ms = Math.abs(v) < 1e11 ? v * 1000 : Math.abs(v) < 1e14 ? v : v / 1000;
    return Number.isFinite(ms) ? { epochMs: ms, wallMs: ms } : undefined;
  }
  if (s.length < 10 || s[4] !== '-' || s[7] !== '-') return undefined;
  const y = digits(s, 0, 4),
    m = digits(s, 5, 2),
    d = digits(s, 8, 2);
  if (!validDate(y, m, d)) return undefined;
  let ms = daysFromCivil(y, m, d) * MS_PER_DAY;
  let i = 10;
  if (i < s.length) {
    if (s[i] !== 'T' && s[i] !== ' ') return undefined;
    const hh = digits(s, i + 1, 2),
      mm = digits(s, i + 4, 2);
    if (s[i + 3] !== ':' || !(hh <= 23) || !(mm <= 59)) return undefined;
    ms += (hh * 60 + mm) * 60_000;
    i += 6;
    if (s[i] === ':') {
      const ss = digits(s, i + 1, 2);
      if (!(ss <= 60)) return undefined;
      ms += ss * 1000;
      i += 3;
      if (s[i] === '.' || s[i] === ',') {
        let j = i + 1,
          frac = 0,
          scale = 1;
        while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
          if (scale < 1e9) {
            frac = frac * 10 + s.charCodeAt(j) - 48;
            scale *= 10;
          }
          j++;
        }
        if (j === i + 1) return undefined;
        ms += (frac / scale) * 1000;
        i = j;
      }
    }
  }
  const wallMs = ms;
  if (i < s.length) {
    const zone = s.slice(i);
    if (zone === 'Z' || zone === 'z') return { epochMs: ms, wallMs };
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return undefined;
    const offsetMs = (Number(z[2]) * 60 + Number(z[3])) * 60_000 * (z[1] === '-' ? -1 : 1);
    return { epochMs: ms - offsetMs, wallMs };
  }
  return { epochMs: ms, wallMs };
}

/** The wall-clock date (YYYY-MM-DD) of a wall time in milliseconds. */
export function wallDate(wallMs: number): string {
  return new Date(Math.floor(wallMs / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number (days since 1970-01-01) and minute of the day of a wall time. */
export function wallDay(wallMs: number): number {
  return Math.floor(wallMs / MS_PER_DAY);
}

export function wallMinuteOfDay(wallMs: number): number {
  return Math.floor((wallMs - wallDay(wallMs) * MS_PER_DAY) / 60_000);
}
