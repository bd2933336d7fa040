// Bar series in columns (one Float64Array per field), the session that selects bars, and the split into days.
import { wallDay, wallMinuteOfDay, wallDate } from './timestamp.js';

/** Bars of one symbol in time order; prices in currency, volume in shares, times as in timestamp.ts. */
export interface BarSeries {
  symbol: string;
  length: number;
  epochMs: Float64Array;
  wallMs: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  /** Bar length in minutes (the median spacing within a day; 1440 for daily bars). */
  barMinutes: number;
}

/** Trading session in wall-clock minutes after midnight, [startMinute, endMinute); 24h keeps every bar. */
export interface Session {
  startMinute: number;
  endMinute: number;
  label: string;
}

export const FULL_DAY: Session = { startMinute: 0, endMinute: 1440, label: '24h' };
/** US equities' regular session, 09:30-16:00 exchange time (Lean stamps a minute bar at its start: 09:30..15:59). */
export const US_EQUITY_SESSION: Session = { startMinute: 570, endMinute: 960, label: '09:30-16:00' };

/** Parses `HH:MM-HH:MM` or `24h`; undefined if malformed. */
export function parseSession(text: string): Session | undefined {
  if (text === '24h') return FULL_DAY;
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]),
    end = Number(m[3]) * 60 + Number(m[4]);
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= end || end > 1440) return undefined;
  return { startMinute: start, endMinute: end, label: text.trim() };
}

export function sessionMinutes(session: Session): number {
  return session.endMinute - session.startMinute;
}

export function inSession(session: Session, wallMs: number): boolean {
  const minute = wallMinuteOfDay(wallMs);
  return minute >= session.startMinute && minute < session.endMinute;
}

/** One day of a series: bars [start, end). */
export interface DaySlice {
  date: string;
  start: number;
  end: number;
}

/** Consecutive runs of bars on the same wall-clock date. */
export function splitDays(series: BarSeries): DaySlice[] {
  const days: DaySlice[] = [];
  let start = 0;
  for (let i = 1; i <= series.length; i++) {
    if (i === series.length || wallDay(series.wallMs[i]!) !== wallDay(series.wallMs[start]!)) {
      if (i > start) days.push({ date: wallDate(series.wallMs[start]!), start, end: i });
      start = i;
    }
  }
  return days;
}

/** A growable column of doubles (doubling), for streaming loads of unknown length. */
export class Column {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The filled part (a view). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
