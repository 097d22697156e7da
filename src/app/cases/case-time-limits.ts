// Refund time limits as timer rows (issue 15): the seller's response window and the platform's
// auto-agree run while an application waits in its initial state; the buyer's return-shipping
// window runs from the seller's agreement to take the goods back until the parcel is on its way.
// Each is a deadline row (one per case and kind, re-armed only when its due time changes), so the
// timer loop warns and fires it once across restarts; only limits the shop has set get a row (no
// seed gives these figures). The row's payload carries the exposure shown with it.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { applicationMachine, buyerReturnLimit, caseTimeLimits, startsBuyerReturn, type CaseKind, type TimeLimit } from '../../core/aftersales/case-flow.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Profile } from '../../core/rules/schema.js';
import { aftersalesCases, caseEvents, deadlines } from '../../store/schema/index.js';
import { deadlinesOf, scheduleDeadline, settleDeadlines, type DeadlineKind, type Tx } from '../timers/deadlines.js';

/** Warn a quarter of the window ahead, at most 12 h. */
function warnAt(from: Date, due: Date): Date {
  const lead = Math.min(12 * 3_600_000, (due.getTime() - from.getTime()) / 4);
  return new Date(due.getTime() - lead);
}

async function schedule(tx: Tx, c: { id: string; shopId: string }, limit: TimeLimit, from: Date, currency: string): Promise<void> {
  if (limit.at === null) return;
  const due = new Date(limit.at);
  await scheduleDeadline(tx, {
    shopId: c.shopId, subjectKind: 'case', subjectId: c.id, kind: limit.kind, dueAt: due, warnAt: warnAt(from, due),
    payload: { exposureMinor: limit.exposureFen, currency, textZh: limit.textZh },
  });
}

export interface TimeLimitMove {
  /** The application state before the move; null when the case is being opened. */
  from: string | null;
  to: string;
  /** Every event the move took (application and flow), in order. */
  events: string[];
  final: boolean;
}

/** Schedules, re-arms or settles a case's time-limit rows after it was opened or moved. */
export async function syncTimeLimits(
  tx: Tx,
  profile: Profile,
  c: { id: string; shopId: string; type: string; amountFen: number; currency: string; amountMinor: number | null },
  move: TimeLimitMove,
  now: Date,
): Promise<void> {
  const type = c.type as CaseKind;
  if (move.final) {
    await settleDeadlines(tx, 'case', c.id, ['seller_response', 'auto_agree', 'buyer_return'], 'done', now);
    return;
  }
  const initial = applicationMachine(profile, type).def.initial;
  const to = normalizeStateName(move.to);
  const from = move.from === null ? null : normalizeStateName(move.from);
  if (to === initial && from !== initial) {
    // Opened, or sent back to the seller (a modified application): the windows run from now.
    for (const l of caseTimeLimits(profile, { type, state: to, amountFen: c.amountMinor ?? c.amountFen, currency: c.currency, appliedAt: now.toISOString() })) await schedule(tx, c, l, now, c.currency);
  } else if (to !== initial && from === initial) {
    // The seller answered in time (a miss was already recorded by the timer loop and stays).
    await settleDeadlines(tx, 'case', c.id, ['seller_response', 'auto_agree'], 'done', now);
  }
  if (move.events.some((e) => startsBuyerReturn(profile, e))) {
    await schedule(tx, c, buyerReturnLimit(profile, now.toISOString()), now, c.currency);
  } else if (move.events.some((e) => e === 'buyer_ship_return' || e === 'parcel_received')) {
    await settleDeadlines(tx, 'case', c.id, ['buyer_return'], 'done', now);
  } else if (from !== null && to !== from) {
    await settleDeadlines(tx, 'case', c.id, ['buyer_return'], 'cancelled', now);
  }
}

/** Whether two profiles time a case's limits differently (the three shop settings). */
export function timeLimitsChanged(before: Profile | null, after: Profile): boolean {
  const a = before?.aftersales.time_limits;
  const b = after.aftersales.time_limits;
  return !a || a.seller_response_hours !== b.seller_response_hours || a.auto_agree_hours !== b.auto_agree_hours || a.buyer_return_days !== b.buyer_return_days;
}

/**
 * Issue 15: after a shop changed its refund time limits, every open case's running limits follow
 * the new figures at once, from the same start as before (when the application last entered its
 * initial state; when the seller agreed to take the goods back) — read from the case's timeline,
 * the way the ship-by hours move open orders' countdowns (timers/order-deadlines). A limit newly
 * unset is cancelled; a newly set one gets its row; a limit already missed or met stays as it is
 * (a miss is never re-armed). Returns how many open cases had a limit to re-time.
 */
export async function retimeOpenCaseLimits(tx: Tx, profile: Profile, shopId: string, now: Date): Promise<number> {
  const open = await tx.select().from(aftersalesCases).where(and(eq(aftersalesCases.shopId, shopId), isNull(aftersalesCases.closedAt)));
  if (open.length === 0) return 0;
  const timeline = await tx.select().from(caseEvents).where(inArray(caseEvents.caseId, open.map((c) => c.id))).orderBy(asc(caseEvents.id));
  const rows = await deadlinesOf(tx, 'case', open.map((c) => c.id));
  let retimed = 0;
  for (const c of open) {
    const type = c.type as CaseKind;
    const events = timeline.filter((e) => e.caseId === c.id);
    const mine = rows.filter((r) => r.subjectId === c.id);
    const settled = (kind: DeadlineKind) => mine.some((r) => r.kind === kind && (r.state === 'missed' || r.state === 'done'));
    const cancel = async (kind: DeadlineKind) => {
      await tx.update(deadlines).set({ state: 'cancelled', firedAt: now }).where(and(eq(deadlines.subjectKind, 'case'), eq(deadlines.subjectId, c.id), eq(deadlines.kind, kind), inArray(deadlines.state, ['pending', 'warned'])));
    };
    let touched = false;
    const initial = applicationMachine(profile, type).def.initial;
    if (normalizeStateName(c.state) === initial) {
      const entered = [...events].reverse().find((e) => normalizeStateName(e.toState) === initial);
      const from = entered?.at ?? c.openedAt;
      for (const l of caseTimeLimits(profile, { type, state: c.state, amountFen: c.amountMinor ?? c.amountFen, currency: c.currency, appliedAt: from.toISOString() })) {
        if (settled(l.kind)) continue;
        touched = true;
        if (l.at === null) await cancel(l.kind);
        else await schedule(tx, c, l, from, c.currency);
      }
    }
    // The buyer's return window: from the seller's last agreement to take the goods back, while
    // nothing has come back since.
    const agreedIdx = events.map((e) => startsBuyerReturn(profile, e.event)).lastIndexOf(true);
    if (agreedIdx >= 0 && !events.slice(agreedIdx + 1).some((e) => e.event === 'buyer_ship_return' || e.event === 'parcel_received') && !settled('buyer_return')) {
      const agreedAt = events[agreedIdx]!.at;
      const l = buyerReturnLimit(profile, agreedAt.toISOString());
      touched = true;
      if (l.at === null) await cancel('buyer_return');
      else await schedule(tx, c, l, agreedAt, c.currency);
    }
    if (touched) retimed++;
  }
  return retimed;
}
