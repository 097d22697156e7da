// O7: the holiday calendar of rules/logistics-calendar.yaml (seed 004: 恶劣天气以及法定节假日都会有
// 延迟耽搁现象), validated once and cached: public holidays that slow couriers and the couriers'
// pause around 春节, as disruption spans every shop shares, and the buyer's wording per cause.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import { sourceSchema } from '../rules/schema.js';
import { DISRUPTION_CAUSES, type DisruptionCause } from '../contract/logistics-disruptions.js';
import type { DisruptionSpan } from './disruptions.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}, '不是有效日期');

const spanSchema = z
  .strictObject({
    name: z.string().min(1),
    phrase: z.string().min(1).optional(),
    cause: z.enum(DISRUPTION_CAUSES),
    impact: z.enum(['pause', 'slow']),
    from: day,
    to: day,
    source: sourceSchema,
  })
  .refine((s) => s.from <= s.to, '结束日期早于开始日期');

const fileSchema = z.strictObject({
  req: z.array(z.string()),
  recovery_backlog_days: z.number().int().min(0).max(30),
  backlog_source: sourceSchema,
  spans: z.array(spanSchema),
  phrases: z.strictObject(Object.fromEntries(DISRUPTION_CAUSES.map((c) => [c, z.string().min(1)])) as Record<DisruptionCause, z.ZodString>),
});
export type LogisticsCalendar = z.infer<typeof fileSchema>;

let cached: LogisticsCalendar | null = null;

/** rules/logistics-calendar.yaml, parsed and validated (PROFILE_INVALID with the path when broken). */
export function logisticsCalendar(): LogisticsCalendar {
  if (cached) return cached;
  cached = parseLogisticsCalendar(readShippedFile(import.meta.url, '../../../rules/logistics-calendar.yaml'));
  return cached;
}

export function parseLogisticsCalendar(text: string): LogisticsCalendar {
  const parsed = fileSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DxeError('PROFILE_INVALID', `rules/logistics-calendar.yaml: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? '格式错误'}`);
  }
  return parsed.data;
}

/** The calendar's spans as disruptions of every province and courier. */
export function calendarSpans(calendar: LogisticsCalendar = logisticsCalendar()): DisruptionSpan[] {
  return calendar.spans.map((s) => ({
    source: 'calendar',
    id: s.name,
    provinces: null,
    courier: null,
    from: s.from,
    to: s.to,
    cause: s.cause,
    impact: s.impact,
    phrase: s.phrase ?? `${s.name}假期`,
  }));
}

/** A shop's entry as a span: the note is the buyer's phrase for 'other'; for the other causes it stays the team's remark. */
export function shopSpan(
  entry: { id: string; provinces: readonly string[]; courier: string | null; from: string; to: string; cause: DisruptionCause; note: string | null },
  calendar: LogisticsCalendar = logisticsCalendar(),
): DisruptionSpan {
  const phrase = entry.cause === 'other' && entry.note ? entry.note : calendar.phrases[entry.cause];
  return {
    source: 'shop',
    id: entry.id,
    provinces: [...entry.provinces],
    courier: entry.courier,
    from: entry.from,
    to: entry.to,
    cause: entry.cause,
    impact: 'pause',
    phrase,
  };
}
