// Shop ratings (R4): each of 描述相符 / 服务态度 / 物流服务 is the mean of the ratings from `now`
// minus six calendar months up to `now`, rounded to 2 decimals. Tmall counts only
// a buyer's first N ratings a month when the profile says so and the buyer is known.
import { DxeError } from '../errors.js';
import { addCalendarMonths, parseInstant } from '../rules/instant.js';
import { beijingMonthKey, BEIJING_OFFSET_MIN } from '../time/beijing-time.js';

export interface DsrReview {
  at: string;
  description: number;
  service: number;
  logistics: number;
  buyer?: string | undefined;
}

export interface DsrResult {
  description: number | null;
  service: number | null;
  logistics: number | null;
  count: number;
}

export interface DsrRules {
  months: number;
  monthlyFirstNPerBuyer: number | null;
}

/** Mean of integer star ratings to 2 decimals, half up; exact because sum × 100 is an integer. */
function mean2(sum: number, n: number): number | null {
  return n === 0 ? null : Math.round((sum * 100) / n) / 100;
}

export function computeDsr(reviews: readonly DsrReview[], now: string, rules: DsrRules): DsrResult {
  const nowAt = parseInstant(now);
  if (!nowAt) throw new DxeError('VALIDATION_FAILED', `now 不是有效的时间: ${now}`);
  // Calendar months on the clock `now` is written in (Beijing when it carries no offset).
  const from = addCalendarMonths(nowAt.ms, -rules.months, nowAt.offsetMin ?? BEIJING_OFFSET_MIN);
  const timed = reviews.map((r, index) => {
    const at = parseInstant(r.at);
    if (!at) throw new DxeError('VALIDATION_FAILED', `第 ${index + 1} 条评分的时间无效: ${r.at}`);
    return { r, index, ms: at.ms };
  });
  timed.sort((a, b) => a.ms - b.ms || a.index - b.index);
  const perBuyerMonth = new Map<string, number>();
  let d = 0;
  let s = 0;
  let l = 0;
  let n = 0;
  for (const { r, ms } of timed) {
    if (ms < from || ms > nowAt.ms) continue;
    if (rules.monthlyFirstNPerBuyer !== null && r.buyer !== undefined) {
      const key = JSON.stringify([r.buyer, beijingMonthKey(ms)]);
      const seen = perBuyerMonth.get(key) ?? 0;
      if (seen >= rules.monthlyFirstNPerBuyer) continue;
      perBuyerMonth.set(key, seen + 1);
    }
    d += r.description;
    s += r.service;
    l += r.logistics;
    n += 1;
  }
  return { description: mean2(d, n), service: mean2(s, n), logistics: mean2(l, n), count: n };
}
