// O7: the disruptions that may explain a parcel of a shop — its own entries (logistics_disruptions,
// 设置 › 物流异常) as spans of the matcher (core/logistics/disruptions.ts), and the holiday
// calendar every shop shares (rules/logistics-calendar.yaml). The shop context caches them.
import { eq } from 'drizzle-orm';
import { DISRUPTION_CAUSES, type DisruptionCause } from '../../core/contract/logistics-disruptions.js';
import { calendarSpans, shopSpan } from '../../core/logistics/calendar.js';
import type { DisruptionSpan } from '../../core/logistics/disruptions.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { logisticsDisruptions } from '../../store/schema/index.js';

type Row = typeof logisticsDisruptions.$inferSelect;

function causeOf(value: string): DisruptionCause {
  return (DISRUPTION_CAUSES as readonly string[]).includes(value) ? (value as DisruptionCause) : 'other';
}

/** A stored row as a span of the matcher. */
export function spanOfRow(r: Pick<Row, 'id' | 'provinces' | 'courier' | 'fromDay' | 'toDay' | 'cause' | 'note'>): DisruptionSpan {
  return shopSpan({ id: r.id, provinces: Array.isArray(r.provinces) ? r.provinces : [], courier: r.courier, from: r.fromDay, to: r.toDay, cause: causeOf(r.cause), note: r.note });
}

/** The shop's entries as spans (at most MAX_DISRUPTIONS per shop, so all of them). */
export async function loadShopDisruptionSpans(database: Database | Tx, shopId: string): Promise<DisruptionSpan[]> {
  const rows = await queriesOf(database).select().from(logisticsDisruptions).where(eq(logisticsDisruptions.shopId, shopId));
  return rows.map(spanOfRow);
}

/** Every span that may explain a parcel of the shop: its own entries first, then the calendar. */
export function disruptionSpansOf(shopSpans: readonly DisruptionSpan[]): DisruptionSpan[] {
  return [...shopSpans, ...calendarSpans()];
}
