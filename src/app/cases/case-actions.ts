// What an agent does to after-sales from the workbench, each answered with the case's detail:
// opening a case on an order or from a chat (A1, A5: with the check of the refund reason) and
// moving it through its application machine or its goods flow (A2, A4).
import type { Database } from '../../store/open-database.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { caseDetail, type CaseDetail } from './case-views.js';
import { createCase, transitionCase, type CaseMove, type CreateCaseInput } from './cases.js';

const actorOf = (p: Principal) => ({ kind: p.kind, id: p.agentId ?? null, orgId: p.orgId });

export async function openCase(database: Database, p: Principal, input: CreateCaseInput, now: Date) {
  const { case: c, reasonCheck } = await createCase(database, input, actorOf(p), now, p.shopIds);
  return { ...(await caseDetail(database, c, now, maySeePersonalData(p))), reasonCheck };
}

export async function moveCase(database: Database, p: Principal, id: string, input: CaseMove, now: Date): Promise<CaseDetail> {
  const c = await transitionCase(database, id, input, actorOf(p), now, p.shopIds);
  return caseDetail(database, c, now, maySeePersonalData(p));
}
