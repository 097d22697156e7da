// What an agent does to after-sales from the workbench, each answered with the case's detail:
// opening a case on an order (A1, A5: with the check of the refund reason) and moving it through
// the platform's refund machine (A4).
import type { Database } from '../../store/open-database.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { caseDetail, type CaseDetail } from './case-views.js';
import { createCase, transitionCase, type CreateCaseInput } from './cases.js';

const actorOf = (p: Principal) => ({ kind: p.kind, id: p.agentId ?? null });

export async function openCase(database: Database, p: Principal, input: CreateCaseInput, now: Date) {
  const { case: c, reasonCheck } = await createCase(database, input, actorOf(p), now, p.shopIds);
  return { ...(await caseDetail(database, c, now, maySeePersonalData(p))), reasonCheck };
}

export async function moveCase(
  database: Database, p: Principal, id: string, input: { event: string; note?: string | undefined }, now: Date,
): Promise<CaseDetail> {
  const c = await transitionCase(database, id, input.event, input.note, actorOf(p), now, p.shopIds);
  return caseDetail(database, c, now, maySeePersonalData(p));
}
