// Deadlines are rows (DESIGN convention 5). One row per (subject, kind): scheduling again updates
// the row and re-arms it, so a rescheduled ship-by or intervention time never fires twice.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../store/open-database.js';
import { deadlines } from '../../store/schema/index.js';

/** A transaction or the database itself: every helper here runs inside the caller's transaction. */
export type { Tx };

export type SubjectKind = (typeof deadlines.$inferSelect)['subjectKind'];
export type DeadlineRow = typeof deadlines.$inferSelect;

export const DEADLINE_KINDS = {
  /** C2: the first reply to a buyer's first message. */
  first_response: { subject: 'conversation', labelZh: '首次响应' },
  /** O3: ship-by after payment (agreed date for presale/custom). */
  ship_by: { subject: 'order', labelZh: '发货时限' },
  /** N1/N4: after a missed ship-by, pay the buyer before the platform rules. */
  compensate_before_ruling: { subject: 'order', labelZh: '平台判定前主动赔付' },
  /** A6: the buyer may ask the platform to step in after this. */
  intervention: { subject: 'case', labelZh: '平台介入' },
  /** Issue 15: the seller's response window on an application (shop setting; AliExpress: the dispute's). */
  seller_response: { subject: 'case', labelZh: '卖家处理时限' },
  /** Issue 15: the platform agrees by itself after this (shop setting). */
  auto_agree: { subject: 'case', labelZh: '超时自动同意' },
  /** Issue 15: the buyer sends the goods back by this after the seller agreed (shop setting). */
  buyer_return: { subject: 'case', labelZh: '买家退货时限' },
  /** A6: after-sales may be requested until this. */
  aftersales_window: { subject: 'order', labelZh: '售后申请期' },
  /** N4: complaints possible until this. */
  complaint_window: { subject: 'order', labelZh: '投诉期' },
  /** R1: mutual review window. */
  review_window: { subject: 'order', labelZh: '评价期' },
  /** D8: a promise made in chat is judged (warned before; app/timers/promise-deadlines.ts). */
  promise_due: { subject: 'promise', labelZh: '承诺兑现' },
} as const satisfies Record<string, { subject: SubjectKind; labelZh: string }>;

export type DeadlineKind = keyof typeof DEADLINE_KINDS;

/** Warnings come at most this long before due (keeps the loop's warning scan an index range). */
export const MAX_WARN_LEAD_MS = 7 * 86_400_000;

export function isDeadlineKind(kind: string): kind is DeadlineKind {
  return Object.hasOwn(DEADLINE_KINDS, kind);
}

export interface ScheduleInput {
  shopId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  kind: DeadlineKind;
  dueAt: Date;
  warnAt?: Date | null;
  payload?: Record<string, unknown>;
}

/**
 * Creates or re-arms the (subject, kind) deadline. Scheduling the same due time again changes
 * nothing (no warning or miss is repeated); a changed due time resets the row to pending.
 */
export async function scheduleDeadline(tx: Tx, input: ScheduleInput): Promise<void> {
  const earliest = input.dueAt.getTime() - MAX_WARN_LEAD_MS;
  const warnAt = input.warnAt && input.warnAt < input.dueAt ? new Date(Math.max(input.warnAt.getTime(), earliest)) : null;
  await tx
    .insert(deadlines)
    .values({
      shopId: input.shopId,
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      kind: input.kind,
      dueAt: input.dueAt,
      warnAt,
      payload: input.payload ?? {},
    })
    .onConflictDoUpdate({
      target: [deadlines.subjectKind, deadlines.subjectId, deadlines.kind],
      set: {
        // Same due time: the row keeps its state (a missed ship-by re-synced stays missed and never
        // fires twice). A new due time re-arms it.
        dueAt: input.dueAt,
        warnAt: sql`case when ${deadlines.dueAt} = excluded.due_at then ${deadlines.warnAt} else excluded.warn_at end`,
        payload: input.payload ?? {},
        state: sql`case when ${deadlines.dueAt} = excluded.due_at then ${deadlines.state} else 'pending' end`,
        firedAt: sql`case when ${deadlines.dueAt} = excluded.due_at then ${deadlines.firedAt} else null end`,
        firedBy: sql`case when ${deadlines.dueAt} = excluded.due_at then ${deadlines.firedBy} else null end`,
      },
    });
}

/** Closes open deadlines of a subject: `done` when met, `missed` when overtaken, `cancelled` when moot. */
export async function settleDeadlines(
  tx: Tx,
  subjectKind: SubjectKind,
  subjectId: string,
  kinds: DeadlineKind[],
  state: 'done' | 'cancelled' | 'missed',
  now: Date,
): Promise<void> {
  if (kinds.length === 0) return;
  await tx
    .update(deadlines)
    .set({ state, firedAt: now })
    .where(
      and(
        eq(deadlines.subjectKind, subjectKind),
        eq(deadlines.subjectId, subjectId),
        inArray(deadlines.kind, kinds),
        inArray(deadlines.state, ['pending', 'warned']),
      ),
    );
}

export async function deadlinesOf(tx: Tx, subjectKind: SubjectKind, subjectIds: string[]): Promise<DeadlineRow[]> {
  if (subjectIds.length === 0) return [];
  return tx
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.subjectKind, subjectKind), inArray(deadlines.subjectId, subjectIds)));
}

/** The view the screens show: seconds left (negative once past), and a Chinese label. */
export function deadlineView(row: DeadlineRow, now: Date) {
  const kind = isDeadlineKind(row.kind) ? DEADLINE_KINDS[row.kind] : null;
  return {
    id: row.id,
    kind: row.kind,
    labelZh: kind?.labelZh ?? row.kind,
    state: row.state,
    dueAt: row.dueAt.toISOString(),
    warnAt: row.warnAt?.toISOString() ?? null,
    secondsLeft: Math.round((row.dueAt.getTime() - now.getTime()) / 1000),
    firedAt: row.firedAt?.toISOString() ?? null,
  };
}
