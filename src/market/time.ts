// Trading-time conventions: one trading day is 390 minutes, one year 252 trading days.
export const MINUTES_PER_DAY = 390;
export const DAYS_PER_YEAR = 252;
export const MINUTES_PER_YEAR = MINUTES_PER_DAY * DAYS_PER_YEAR;

export function minutesToYears(minutes: number): number {
  return minutes / MINUTES_PER_YEAR;
}
