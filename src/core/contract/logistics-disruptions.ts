// O7: a shop's 物流异常 (logistics disruptions) — the body of POST/PUT
// /api/v1/shops/:shopId/logistics-disruptions, the views, and the checks an entry must pass, each
// with a stable code and a Chinese reason (the workbench shows them). Regions are provinces by the
// short names of the 运费模板 (core/money/province.ts, O6), so a receiver's province matches one way.
// The holiday calendar (rules/logistics-calendar.yaml) is shown beside the shop's own entries.
import { z } from 'zod';
import { PROVINCES, provinceShortName } from '../money/province.js';

export const DISRUPTION_CAUSES = ['blizzard', 'typhoon', 'rainstorm', 'epidemic_control', 'promotion_backlog', 'holiday', 'other'] as const;
export type DisruptionCause = (typeof DISRUPTION_CAUSES)[number];

/** The causes as the team picks them in 设置 › 物流异常. */
export const DISRUPTION_CAUSE_ZH: Record<DisruptionCause, string> = {
  blizzard: '暴雪',
  typhoon: '台风',
  rainstorm: '暴雨',
  epidemic_control: '疫情管控',
  promotion_backlog: '大促爆仓',
  holiday: '节假日',
  other: '其他',
};

/** At most this many days per entry, and this many entries per shop. */
export const MAX_DISRUPTION_DAYS = 60;
export const MAX_DISRUPTIONS = 200;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应为 YYYY-MM-DD' });

// Shapes only; provinces, the span, the note and the courier are checked by disruptionErrors (Chinese text).
export const disruptionBody = z.strictObject({
  provinces: z.array(z.string().max(20)).max(40),
  from: day,
  to: day,
  cause: z.enum(DISRUPTION_CAUSES, { error: '原因应为暴雪、台风、暴雨、疫情管控、大促爆仓、节假日或其他' }),
  note: z.string().max(200).nullable().optional(),
  courier: z.string().max(40).nullable().optional(),
});
export type DisruptionBody = z.infer<typeof disruptionBody>;

export const disruptionParams = z.object({ shopId: z.string().min(1).max(100), id: z.string().min(1).max(100) });

export type DisruptionErrorCode =
  | 'DISRUPTION_NO_PROVINCE'
  | 'DISRUPTION_PROVINCE_UNKNOWN'
  | 'DISRUPTION_DATE_INVALID'
  | 'DISRUPTION_SPAN_ORDER'
  | 'DISRUPTION_SPAN_TOO_LONG'
  | 'DISRUPTION_NOTE_REQUIRED'
  | 'DISRUPTION_TOO_MANY';

export interface DisruptionError {
  code: DisruptionErrorCode;
  path: string;
  messageZh: string;
}

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
function realDay(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every problem of an entry, in order; empty when it may be saved. */
export function disruptionErrors(body: DisruptionBody): DisruptionError[] {
  const errors: DisruptionError[] = [];
  if (body.provinces.length === 0) errors.push({ code: 'DISRUPTION_NO_PROVINCE', path: 'provinces', messageZh: '请至少选择一个受影响的省份' });
  for (const p of body.provinces) {
    if (!PROVINCES.includes(provinceShortName(p))) {
      errors.push({ code: 'DISRUPTION_PROVINCE_UNKNOWN', path: 'provinces', messageZh: `「${p}」不是已知的省份名称` });
    }
  }
  const fromOk = realDay(body.from);
  const toOk = realDay(body.to);
  if (!fromOk) errors.push({ code: 'DISRUPTION_DATE_INVALID', path: 'from', messageZh: `开始日期「${body.from}」不是有效日期` });
  if (!toOk) errors.push({ code: 'DISRUPTION_DATE_INVALID', path: 'to', messageZh: `预计恢复日期「${body.to}」不是有效日期` });
  if (fromOk && toOk) {
    const span = daysBetween(body.from, body.to);
    if (span < 0) errors.push({ code: 'DISRUPTION_SPAN_ORDER', path: 'to', messageZh: `预计恢复日期（${body.to}）不能早于开始日期（${body.from}）` });
    else if (span + 1 > MAX_DISRUPTION_DAYS) {
      errors.push({ code: 'DISRUPTION_SPAN_TOO_LONG', path: 'to', messageZh: `一条物流异常最长 ${MAX_DISRUPTION_DAYS} 天（现为 ${span + 1} 天），更长的请分段填写` });
    }
  }
  if (body.cause === 'other' && !body.note?.trim()) {
    errors.push({ code: 'DISRUPTION_NOTE_REQUIRED', path: 'note', messageZh: '原因选择「其他」时请填写说明（买家会看到这段说明）' });
  }
  return errors;
}

/** The entry as stored: province short names, each once; blank note and courier as null. */
export function normalizedDisruption(body: DisruptionBody): DisruptionBody & { note: string | null; courier: string | null } {
  return {
    ...body,
    provinces: [...new Set(body.provinces.map(provinceShortName))],
    note: body.note?.trim() || null,
    courier: body.courier?.trim() || null,
  };
}

export const disruptionViewSchema = z.object({
  id: z.string(),
  provinces: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  cause: z.enum(DISRUPTION_CAUSES),
  note: z.string().nullable(),
  courier: z.string().nullable(),
  /** What the buyer reads: "受浙江、江苏暴雪天气影响". */
  phraseZh: z.string(),
  /** Whether the span covers today, is still to come, or is over (Beijing days). */
  status: z.enum(['active', 'upcoming', 'ended']),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type DisruptionView = z.infer<typeof disruptionViewSchema>;

export const calendarSpanViewSchema = z.object({
  name: z.string(),
  from: z.string(),
  to: z.string(),
  impact: z.enum(['pause', 'slow']),
  note: z.string().nullable(),
});
export type CalendarSpanView = z.infer<typeof calendarSpanViewSchema>;

export const disruptionsViewSchema = z.object({
  shopId: z.string(),
  items: z.array(disruptionViewSchema),
  /** Holiday and courier-pause spans from the rules (rules/logistics-calendar.yaml) not yet over. */
  calendar: z.array(calendarSpanViewSchema),
  /** The province names an entry may list (the 运费模板's). */
  provinces: z.array(z.string()),
});
export type DisruptionsView = z.infer<typeof disruptionsViewSchema>;

/** The disruption an order's transit falls in, as the order drawer shows it (null: none). */
export const orderDisruptionViewSchema = z.object({
  source: z.enum(['shop', 'calendar']),
  cause: z.enum(DISRUPTION_CAUSES),
  from: z.string(),
  to: z.string(),
  phraseZh: z.string(),
  recoveryZh: z.string(),
});
export type OrderDisruptionView = z.infer<typeof orderDisruptionViewSchema>;
