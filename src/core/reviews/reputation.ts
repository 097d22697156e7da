// Reputation in numbers (issue 13; R4): the effect of one review on the shop's DSR, the DSR's
// trend per item and month, and the forecast a seller acts on — "two more 3-star 服务态度 ratings
// this week take it below the category average". Pure: the rolling window is the profile's
// `dsr_months` (R4, six calendar months), reviews leaving it during the horizon are left out of
// the forecast, and the means are the ones computeDsr gives.
import { DAY, addCalendarMonths } from '../rules/instant.js';
import { BEIJING_OFFSET_MIN, beijingMonthKey } from '../time/beijing-time.js';

export const DSR_DIMENSIONS = ['description', 'service', 'logistics'] as const;
export type DsrDimension = (typeof DSR_DIMENSIONS)[number];
export const DSR_NAMES_ZH: Record<DsrDimension, string> = { description: '描述相符', service: '服务态度', logistics: '物流服务' };

export interface DsrPoint {
  atMs: number;
  description: number;
  service: number;
  logistics: number;
  itemId?: string | null | undefined;
}

const mean2 = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum * 100) / n) / 100);

function inWindow(points: readonly DsrPoint[], fromMs: number, toMs: number): DsrPoint[] {
  return points.filter((p) => p.atMs >= fromMs && p.atMs <= toMs);
}

export function dsrMeans(points: readonly DsrPoint[]): Record<DsrDimension, number | null> & { count: number } {
  const out = { description: null, service: null, logistics: null, count: points.length } as Record<DsrDimension, number | null> & { count: number };
  for (const d of DSR_DIMENSIONS) out[d] = mean2(points.reduce((s, p) => s + p[d], 0), points.length);
  return out;
}

/** What one review did to the shop's DSR: the means with it minus the means without it. */
export function reviewEffect(points: readonly DsrPoint[], review: DsrPoint): Record<DsrDimension, number> {
  const others = points.filter((p) => p !== review);
  const withIt = dsrMeans([...others, review]);
  const without = dsrMeans(others);
  const out = {} as Record<DsrDimension, number>;
  for (const d of DSR_DIMENSIONS) out[d] = Math.round(((withIt[d] ?? 0) - (without[d] ?? withIt[d] ?? 0)) * 100) / 100;
  return out;
}

export interface ForecastInput {
  points: readonly DsrPoint[];
  nowMs: number;
  months: number;
  /** The category's average per dimension, as the seller centre shows it; null: unknown. */
  categoryAverage: Partial<Record<DsrDimension, number>>;
  /** The star given in the forecast's new ratings (default 3). */
  stars?: number;
  horizonDays?: number;
}

export interface DimensionForecast {
  dimension: DsrDimension;
  nameZh: string;
  current: number | null;
  /** The mean at the horizon if no new rating comes (old ratings leave the window). */
  atHorizon: number | null;
  categoryAverage: number | null;
  /** New ratings of `stars` within the horizon that take the mean below the average (0: already below; null: never / unknown). */
  ratingsToFallBelow: number | null;
  messageZh: string;
}

const MAX_STEPS = 10_000;

export function forecastDsr(input: ForecastInput): DimensionForecast[] {
  const stars = input.stars ?? 3;
  const horizon = input.horizonDays ?? 7;
  const fromNow = addCalendarMonths(input.nowMs, -input.months, BEIJING_OFFSET_MIN);
  const endMs = input.nowMs + horizon * DAY;
  const fromEnd = addCalendarMonths(endMs, -input.months, BEIJING_OFFSET_MIN);
  const current = inWindow(input.points, fromNow, input.nowMs);
  // At the horizon: what is still inside the window then (nothing new assumed yet).
  const remaining = inWindow(input.points, fromEnd, input.nowMs);
  const when = horizon === 7 ? '本周' : `${horizon} 天内`;
  return DSR_DIMENSIONS.map((d) => {
    const cur = mean2(current.reduce((s, p) => s + p[d], 0), current.length);
    const sum = remaining.reduce((s, p) => s + p[d], 0);
    const n = remaining.length;
    const atHorizon = mean2(sum, n);
    const avg = input.categoryAverage[d] ?? null;
    const name = DSR_NAMES_ZH[d];
    let k: number | null = null;
    let messageZh: string;
    if (avg === null) {
      messageZh = `${name}：${cur ?? '—'}（未设置行业平均分，无法预测）`;
    } else if (cur !== null && cur < avg) {
      k = 0;
      messageZh = `${name} ${cur} 已低于行业平均 ${avg}`;
    } else if (stars >= avg) {
      messageZh = `${name} ${cur ?? '—'}：${stars} 星评分不会使其低于行业平均 ${avg}`;
    } else {
      for (let j = 0; j <= MAX_STEPS; j++) {
        const m = (sum + j * stars) / (n + j);
        if (Math.round(m * 100) / 100 < avg) {
          k = j;
          break;
        }
      }
      if (k === null) messageZh = `${name} ${cur ?? '—'}：短期内不会低于行业平均 ${avg}`;
      else if (k === 0) messageZh = `${name}：${when}有评分移出 ${input.months} 个月窗口后将降到 ${atHorizon}，低于行业平均 ${avg}`;
      else messageZh = `${when}再有 ${k} 个 ${stars} 星「${name}」评分，${name}将从 ${cur ?? atHorizon} 降到行业平均 ${avg} 以下`;
    }
    return { dimension: d, nameZh: name, current: cur, atHorizon, categoryAverage: avg, ratingsToFallBelow: k, messageZh };
  });
}

export interface ItemMonth {
  itemId: string;
  month: string;
  count: number;
  description: number | null;
  service: number | null;
  logistics: number | null;
}

/** DSR per item and Beijing calendar month, oldest first: the trend the workbench charts. */
export function dsrTrendByItem(points: readonly DsrPoint[], nowMs: number, months: number): ItemMonth[] {
  const from = addCalendarMonths(nowMs, -months, BEIJING_OFFSET_MIN);
  const groups = new Map<string, DsrPoint[]>();
  for (const p of inWindow(points, from, nowMs)) {
    const key = JSON.stringify([p.itemId ?? '', beijingMonthKey(p.atMs)]);
    const g = groups.get(key) ?? [];
    g.push(p);
    groups.set(key, g);
  }
  const out: ItemMonth[] = [];
  for (const [key, g] of groups) {
    const [itemId, month] = JSON.parse(key) as [string, string];
    out.push({ itemId, month, ...dsrMeans(g) });
  }
  return out.sort((a, b) => a.month.localeCompare(b.month) || a.itemId.localeCompare(b.itemId));
}
