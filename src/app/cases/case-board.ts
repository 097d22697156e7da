// The after-sales board (A6): the cases of the given shops — open ones by default, every one with
// `all`, or those in one refund state (commas and spaces in the name do not matter) — the case
// closest to the platform stepping in first.
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { normalizeStateName } from '../../core/rules/machines.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { caseViews, type CaseView } from './case-views.js';

export interface CaseBoardQuery {
  /** 'open' (default), 'all', or a refund state name. */
  state?: string | undefined;
  limit: number;
}

export async function caseBoard(database: Database, p: Principal, shopIds: string[], query: CaseBoardQuery, now: Date): Promise<{ items: CaseView[] }> {
  if (shopIds.some((id) => !p.shopIds.includes(id))) throw new DxeError('NOT_FOUND');
  if (shopIds.length === 0) return { items: [] };
  const conds = [inArray(aftersalesCases.shopId, shopIds)];
  if (query.state === 'open' || query.state === undefined) conds.push(isNull(aftersalesCases.closedAt));
  else if (query.state !== 'all') conds.push(sql`regexp_replace(${aftersalesCases.state}, '[,，、[:space:]]', '', 'g') = ${normalizeStateName(query.state)}`);
  const rows = await database.db.select().from(aftersalesCases).where(and(...conds)).orderBy(asc(aftersalesCases.openedAt)).limit(query.limit);
  const items = await caseViews(database, rows, now);
  items.sort((a, b) => (a.intervention?.secondsLeft ?? Infinity) - (b.intervention?.secondsLeft ?? Infinity));
  return { items };
}
