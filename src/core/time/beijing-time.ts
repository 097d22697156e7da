// Beijing time (UTC+8, no daylight saving): the clock the platforms count calendar days and
// months on, the clock their exports and APIs write times in, and the one buyers read. This is
// the one place that knows the offset. Time is always passed in; nothing here reads the clock.
export const BEIJING_OFFSET_MIN = 480;
export const BEIJING_OFFSET_MS = BEIJING_OFFSET_MIN * 60_000;
const DAY_MS = 86_400_000;

/** An instant: a Date or milliseconds since the epoch. */
export type At = Date | number;

const msOf = (at: At): number => (typeof at === 'number' ? at : at.getTime());
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Beijing wall clock at an instant. */
export interface BeijingParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 1 Monday … 7 Sunday (ISO 8601), the way buyers count 周一…周日. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  minutesOfDay: number;
  msOfDay: number;
}

export function beijingParts(at: At): BeijingParts {
  const d = new Date(msOf(at) + BEIJING_OFFSET_MS);
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  const second = d.getUTCSeconds();
  const millisecond = d.getUTCMilliseconds();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour,
    minute,
    second,
    millisecond,
    minutesOfDay: hour * 60 + minute,
    msOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + millisecond,
  };
}

/** The Beijing calendar date `days` after the one of `at`, as 'YYYY-MM-DD'. */
export function beijingDayKey(at: At, days = 0): string {
  const p = beijingParts(msOf(at) + days * DAY_MS);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The Beijing calendar month of `at`, as 'YYYY-MM'. */
export function beijingMonthKey(at: At): string {
  const p = beijingParts(at);
  return `${pad(p.year, 4)}-${pad(p.month)}`;
}

export function sameBeijingDay(a: At, b: At): boolean {
  return beijingDayKey(a) === beijingDayKey(b);
}

/** Midnight (Beijing) that starts the day `days` after the Beijing day of `at`. */
export function startOfBeijingDay(at: At, days = 0): Date {
  const p = beijingParts(at);
  return new Date(Date.UTC(p.year, p.month - 1, p.day + days) - BEIJING_OFFSET_MS);
}

/** Midnight (Beijing) that starts the month `months` after the Beijing month of `at`. */
export function startOfBeijingMonth(at: At, months = 0): Date {
  const p = beijingParts(at);
  return new Date(Date.UTC(p.year, p.month - 1 + months, 1) - BEIJING_OFFSET_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The instant a Beijing wall clock shows the given time, in ms since the epoch; null when the
 * time does not exist (31 Feb, 24:00, minute 60).
 */
export function fromBeijingWallClock(
  year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - BEIJING_OFFSET_MS;
}

// The ways exports write a local time: 2016/5/23 22:02, 2020-02-21 00:00:00, 2020.2.21,
// 2020年2月21日 8:00 (fractions of a second are dropped).
const LOCAL_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;

/** A time written without an offset, read on the Beijing clock; null when it is not one. */
export function parseBeijingLocal(text: string): Date | null {
  const m = LOCAL_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const ms = fromBeijingWallClock(y, mo, d, h, mi, s);
  return ms === null ? null : new Date(ms);
}

/** 'HH:MM' → minutes after midnight; an unreadable value counts as midnight (nothing ships today). */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return 0;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Strictly before the cut-off 'HH:MM', Beijing time (an order paid at 16:00 sharp ships tomorrow). */
export function beforeCutoff(at: At, cutoff: string): boolean {
  return beijingParts(at).minutesOfDay < parseClock(cutoff);
}

/** '11月23日 14:05' as buyers read it; '' for a text that is not a time. */
export function formatBeijing(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const p = beijingParts(t);
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** '11月25日' for a date; '' for a text that is not a time. */
export function formatBeijingDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const p = beijingParts(t);
  return `${p.month}月${p.day}日`;
}
