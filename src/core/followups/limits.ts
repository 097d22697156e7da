// Consent and frequency (F3): a buyer's own opt-out words, quiet hours in the buyer's time zone,
// and at most N messages of a category per buyer per channel per period. Pure; the clock is passed in.
import type { FollowupRules } from './config.js';

const CJK = /[\u3400-\u9fff]/;

/** A word as a whole-word pattern, compiled once (every buyer message is checked; issue 9, throughput). */
const wordPatterns = new Map<string, RegExp>();
function wordPattern(lw: string): RegExp {
  let re = wordPatterns.get(lw);
  if (!re) {
    if (wordPatterns.size >= 1000) wordPatterns.clear();
    wordPatterns.set(lw, (re = new RegExp(`\\b${lw}\\b`)));
  }
  return re;
}

/** Does this buyer message ask to stop proactive messages (退订, TD, unsubscribe…)? */
export function isOptOut(text: string, words: readonly string[]): boolean {
  const t = text.trim().replace(/[\s。.!！~～,，]+$/u, '').trim();
  if (t.length === 0) return false;
  const lower = t.toLowerCase();
  for (const w of words) {
    const lw = w.toLowerCase();
    if (CJK.test(w)) {
      // Chinese words count inside a short message only (a question that quotes 退订 is not one).
      if (t.includes(w) && t.length <= w.length + 12 && !/[吗么?？]/u.test(t)) return true;
    } else if (lower === lw || (lw.length >= 6 && wordPattern(lw).test(lower) && lower.length <= 40)) {
      return true;
    }
  }
  return false;
}

/** The buyer's time zone: the destination country's (AliExpress regions), else the default. */
export function buyerTimeZone(rules: Pick<FollowupRules, 'time_zones' | 'quiet_hours'>, region: string | null | undefined): string {
  const code = countryCode(region);
  return (code && rules.time_zones[code]) || rules.quiet_hours.default_time_zone;
}

/** A two-letter destination country from an order's region field, if it is one. */
export function countryCode(region: string | null | undefined): string | null {
  const r = (region ?? '').trim();
  if (/^[A-Za-z]{2}$/.test(r)) return r.toUpperCase();
  const m = /^([A-Za-z]{2})[\s,/-]/.exec(r);
  return m ? m[1]!.toUpperCase() : null;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight in a time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return h * 60 + m;
}

/** When the buyer's quiet hours end, or null when `at` is outside them. */
export function quietUntil(at: Date, timeZone: string, quiet: { start: string; end: string }): Date | null {
  const now = localMinutes(at, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const wait = (end - now + 1440) % 1440;
  // Back to the minute boundary, then on to the end of quiet hours.
  const base = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(base + wait * 60_000);
}

/** F3: may one more message of this category go to the buyer on this channel? */
export function withinFrequency(sentInWindow: number, limit: { max: number }): boolean {
  return sentInWindow < limit.max;
}
