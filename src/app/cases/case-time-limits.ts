// Refund time limits as timer rows (issue 15): the seller's response window and the platform's
// auto-agree run while an application waits in its initial state; the buyer's return-shipping
// window runs from the seller's agreement to take the goods back until the parcel is on its way.
// Each is a deadline row (one per case and kind, re-armed only when its due time changes), so the
// timer loop warns and fires it once across restarts; only limits the shop has set get a row (no
// seed gives these figures). The row's payload carries the exposure shown with it.
import { applicationMachine, buyerReturnLimit, caseTimeLimits, startsBuyerReturn, type CaseKind, type TimeLimit } from '../../core/aftersales/case-flow.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Profile } from '../../core/rules/schema.js';
import { scheduleDeadline, settleDeadlines, type Tx } from '../timers/deadlines.js';

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
