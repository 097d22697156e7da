// After-sales windows (A6, seed 001): after-sales may be requested 0–15 days after the trade
// succeeded; without agreement the buyer may call in the platform after 72 h, so those hours
// are the seller's time to negotiate. Complaint window (N4): 15 days after close or success.
import { formatInstant, DAY, HOUR } from '../rules/instant.js';
import { requireInstant } from '../orders/ship-by.js';
import type { Profile } from '../rules/schema.js';

export interface Window {
  open: boolean;
  until: string;
  /** Milliseconds left; 0 once closed. */
  remainingMs: number;
}

function windowFrom(startIso: string, lengthMs: number, now: string, field: string): Window {
  const start = requireInstant(startIso, field);
  const untilMs = start.ms + lengthMs;
  const nowMs = requireInstant(now, 'now').ms;
  return { open: nowMs <= untilMs, until: formatInstant(untilMs, start.offsetMin), remainingMs: Math.max(0, untilMs - nowMs) };
}

export function aftersalesWindow(profile: Pick<Profile, 'aftersales'>, tradeSucceededAt: string, now: string): Window {
  return windowFrom(tradeSucceededAt, profile.aftersales.window_days_after_success * DAY, now, 'trade_succeeded_at');
}

export function complaintWindow(profile: Pick<Profile, 'complaints'>, closedOrSucceededAt: string, now: string): Window {
  return windowFrom(closedOrSucceededAt, profile.complaints.window_days_after_close * DAY, now, 'closed_at');
}

export interface InterventionCountdown {
  /** When the buyer may ask the platform to step in. */
  at: string;
  buyerMayCallPlatform: boolean;
  remainingMs: number;
  adviceZh: string;
}

export function interventionCountdown(profile: Pick<Profile, 'aftersales'>, appliedAt: string, now: string): InterventionCountdown {
  const hours = profile.aftersales.intervention_after_hours;
  const w = windowFrom(appliedAt, hours * HOUR, now, 'applied_at');
  const left = Math.ceil(w.remainingMs / HOUR);
  return {
    at: w.until,
    buyerMayCallPlatform: !w.open || w.remainingMs === 0,
    remainingMs: w.remainingMs,
    adviceZh:
      w.remainingMs > 0
        ? `距买家可申请平台介入还有约 ${left} 小时，请抓紧与买家协商解决。`
        : '买家现在可以申请平台介入；请整理聊天记录、发货凭证等证据。',
  };
}
