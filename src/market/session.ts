// The trading session an order lives in: an intraday order (horizonMinutes) must end by the close; a multi-day
// order (horizonDays) runs on trading time, each close followed directly by the next open.
//
// Stated convention: FlowExec does not model the overnight gap (no overnight variance, no price jump between the
// close and the next open, no overnight decay of transient impact beyond the minutes of trading time). An intraday
// order that would run past the close is refused rather than carried silently onto the next morning's volume.
import { InputError } from '../errors/input-error.js';
import { MINUTES_PER_DAY } from './time.js';

export function checkSession(order: { horizonMinutes?: number; horizonDays?: number; startMinute?: number }): void {
  const start = order.startMinute ?? 0;
  if (order.horizonMinutes === undefined) return;
  const end = start + order.horizonMinutes;
  if (end > MINUTES_PER_DAY + 1e-9) {
    throw new InputError(
      `order.horizonMinutes: the order runs past the close (from minute ${start} to ${end}; the session has ${MINUTES_PER_DAY} minutes). ` +
        'Orders are not carried overnight: start earlier, shorten it, or give horizonDays for a multi-day order (trading time, no overnight gap)',
      'order.horizonMinutes',
    );
  }
}
