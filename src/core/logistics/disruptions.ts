// O7: which logistics disruption an order's transit falls in — a shop's own entry (暴雪、台风、
// 大促爆仓 … in 设置 › 物流异常) or a span of the holiday calendar (rules/logistics-calendar.yaml) —
// and how the buyer reads it ("受浙江暴雪天气影响", "预计12月12日起逐步恢复"). Pure: spans, the
// order's province (never its address), courier and ship time, and `now` in; no clock, no I/O.
import { beijingDayKey, formatBeijingDate } from '../time/beijing-time.js';
import type { DisruptionCause } from '../contract/logistics-disruptions.js';

export interface DisruptionSpan {
  source: 'shop' | 'calendar';
  /** The shop entry's id, or the calendar span's name (春节). */
  id: string;
  /** Province short names; null: every province (a public holiday). */
  provinces: readonly string[] | null;
  /** Only parcels of this courier (matched as a part of the order's courier name); null: any. */
  courier: string | null;
  /** Beijing days, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  cause: DisruptionCause;
  /** pause: couriers stop — buyers are told at once; slow: named when tracking stalls or the buyer asks. */
  impact: 'pause' | 'slow';
  /** The cause as the buyer reads it, without the region: 暴雪天气, 春节假期. */
  phrase: string;
}

export interface TransitFacts {
  /** The receiver's province (short name) or null when unknown: regional spans never match then. */
  province: string | null;
  courier: string | null;
  shippedAt: Date | string | null;
  now: Date;
}


/** 'YYYY-MM-DD' `days` after a Beijing day. */
export function addDays(dayKey: string, days: number): string {
  return beijingDayKey(Date.parse(`${dayKey}T12:00:00+08:00`), days);
}

export function spanStatus(span: Pick<DisruptionSpan, 'from' | 'to'>, now: Date): 'active' | 'upcoming' | 'ended' {
  const today = beijingDayKey(now);
  if (today < span.from) return 'upcoming';
  return today > span.to ? 'ended' : 'active';
}

/** Does the span reach this parcel: its region, its courier, and its days in transit up to today? */
export function spanAffects(span: DisruptionSpan, facts: TransitFacts, backlogDays: number): boolean {
  const today = beijingDayKey(facts.now);
  const shipDay = facts.shippedAt ? beijingDayKey(new Date(facts.shippedAt)) : today;
  if (span.from > today || span.to < shipDay || addDays(span.to, backlogDays) < today) return false;
  if (span.provinces !== null && (facts.province === null || !span.provinces.includes(facts.province))) return false;
  if (span.courier !== null && !(facts.courier ?? '').includes(span.courier)) return false;
  return true;
}

/**
 * The span that explains this parcel's delay, or null: a shop's own entry before the calendar
 * (the team knows its route), a pause before a slowdown, then the one that lasts longest.
 */
export function transitDisruption(spans: readonly DisruptionSpan[], facts: TransitFacts, backlogDays: number): DisruptionSpan | null {
  const hits = spans.filter((s) => spanAffects(s, facts, backlogDays));
  hits.sort(
    (a, b) =>
      (a.source === 'shop' ? 0 : 1) - (b.source === 'shop' ? 0 : 1) ||
      (a.impact === 'pause' ? 0 : 1) - (b.impact === 'pause' ? 0 : 1) ||
      b.to.localeCompare(a.to),
  );
  return hits[0] ?? null;
}

/** Told before the buyer asks, without waiting for a scan gap: the shop's entries and courier pauses. */
export function warnsEarly(span: DisruptionSpan): boolean {
  return span.source === 'shop' || span.impact === 'pause';
}

/** "浙江、江苏暴雪天气", "春节假期" — at most three provinces named, then 等地. */
export function disruptionPhrase(span: Pick<DisruptionSpan, 'provinces' | 'phrase'>): string {
  if (!span.provinces || span.provinces.length === 0) return span.phrase;
  const shown = span.provinces.slice(0, 3).join('、');
  return `${shown}${span.provinces.length > 3 ? '等地' : ''}${span.phrase}`;
}

/** "预计12月12日起逐步恢复" while the span lasts; "目前正在逐步恢复" once it is over. */
export function recoveryPhrase(span: Pick<DisruptionSpan, 'to'>, now: Date): string {
  const today = beijingDayKey(now);
  if (today > span.to) return '目前正在逐步恢复';
  return `预计${formatBeijingDate(`${addDays(span.to, 1)}T12:00:00+08:00`)}起逐步恢复`;
}
