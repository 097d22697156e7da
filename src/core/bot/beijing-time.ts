// Beijing time (UTC+8, no daylight saving) for cut-offs and the times buyers read. Time is
// always passed in; nothing here reads the clock.
const OFFSET_MS = 8 * 3600_000;

export interface BeijingParts {
  year: number;
  month: number;
  day: number;
  minutesOfDay: number;
}

export function beijingParts(at: Date): BeijingParts {
  const d = new Date(at.getTime() + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    minutesOfDay: d.getUTCHours() * 60 + d.getUTCMinutes(),
  };
}

/** 'HH:MM' → minutes after midnight; an unreadable value counts as midnight (nothing ships today). */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return 0;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Strictly before the cut-off, Beijing time (an order paid at 16:00 sharp ships tomorrow). */
export function beforeCutoff(at: Date, cutoff: string): boolean {
  return beijingParts(at).minutesOfDay < parseClock(cutoff);
}

export function sameBeijingDay(a: Date, b: Date): boolean {
  const x = beijingParts(a);
  const y = beijingParts(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** '11月23日 14:05' as buyers read it. */
export function formatBeijing(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const p = beijingParts(new Date(t));
  return `${p.month}月${p.day}日 ${pad(Math.floor(p.minutesOfDay / 60))}:${pad(p.minutesOfDay % 60)}`;
}

/** '11月25日' for a date. */
export function formatBeijingDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const p = beijingParts(new Date(t));
  return `${p.month}月${p.day}日`;
}
