// Time for platform arithmetic. The platforms count calendar days and months in Beijing time
// (UTC+8, no daylight saving). A time written without an offset is read as Beijing time, and
// results keep the offset style of their input so that callers get back what they sent. The
// Beijing clock itself (months, days, wall-clock parts) is core/time/beijing-time.ts.
import { BEIJING_OFFSET_MIN, daysInMonth } from '../time/beijing-time.js';

const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Instant {
  /** Milliseconds since the epoch. */
  ms: number;
  /** Offset written in the input, in minutes east of UTC; null when none was written. */
  offsetMin: number | null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses ISO 8601 (date, date-time, optional offset); null when the text is not one. */
export function parseInstant(text: string): Instant | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let offsetMin: number | null = null;
  if (off !== undefined) {
    if (off.toUpperCase() === 'Z') offsetMin = 0;
    else {
      const sign = off.startsWith('-') ? -1 : 1;
      const digits = off.slice(1).replace(':', '');
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
  }
  const ms =
    Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3))) -
    (offsetMin ?? BEIJING_OFFSET_MIN) * MINUTE;
  return { ms, offsetMin };
}

/** Formats `ms` at the given offset (null: Beijing wall time written without an offset). */
export function formatInstant(ms: number, offsetMin: number | null): string {
  const local = new Date(ms + (offsetMin ?? BEIJING_OFFSET_MIN) * MINUTE);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let out =
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (local.getUTCMilliseconds() !== 0) out += `.${pad(local.getUTCMilliseconds(), 3)}`;
  if (offsetMin === null) return out;
  if (offsetMin === 0) return `${out}Z`;
  const a = Math.abs(offsetMin);
  return `${out}${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/**
 * `ms` moved by whole calendar months on the wall clock at `offsetMin` (Beijing by default),
 * keeping the time of day; a day that does not exist in the target month becomes its last day
 * (31 Aug − 6 months = 29 Feb).
 */
export function addCalendarMonths(ms: number, months: number, offsetMin: number = BEIJING_OFFSET_MIN): number {
  const d = new Date(ms + offsetMin * MINUTE);
  const msOfDay = ms + offsetMin * MINUTE - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month - 1, day) + msOfDay - offsetMin * MINUTE;
}
