// What an agent does to after-sales from the workbench, each answered with the case's detail:
// opening a case on an order or from a chat (A1, A5: with the check of the refund reason) and
// moving it through its application machine or its goods flow (A2, A4).
import type { Database } from '../../store/open-database.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { caseDetail, type CaseDetail } from './case-views.js';
import { createCase, transitionCase, type CaseMove, type CreateCaseInput } from './cases.js';
import type { EventBus } from '../events/event-bus.js';
import { raiseRateAlerts } from './rate-alerts.js';

const actorOf = (p: Principal) => ({ kind: p.kind, id: p.agentId ?? null, orgId: p.orgId });

export async function openCase(database: Database, p: Principal, input: CreateCaseInput, now: Date) {
  const { case: c, reasonCheck } = await createCase(database, input, actorOf(p), now, p.shopIds);
  return { ...(await caseDetail(database, c, now, maySeePersonalData(p))), reasonCheck };
}

/**
 * Moves a case; when the move closed it and a bus is given, the shop's A8 rates are recounted and
 * a newly crossed threshold is pushed to supervisors once (rate-alerts). A failure there is logged
 * by the caller's `onAlertError` and never undoes the committed move.
 */
export async function moveCase(
  database: Database,
  p: Principal,
  id: string,
  input: CaseMove,
  now: Date,
  alerts?: { bus: EventBus; onAlertError?: (err: unknown) => void },
): Promise<CaseDetail> {
  const c = await transitionCase(database, id, input, actorOf(p), now, p.shopIds);
  if (alerts && c.closedAt !== null) {
    await raiseRateAlerts({ database, bus: alerts.bus }, c.shopId, now).catch((err: unknown) => alerts.onAlertError?.(err));
  }
  return caseDetail(database, c, now, maySeePersonalData(p));
}
