// The dashboard (GET /api/v1/metrics): T1 figures per agent / shop / day over a range (default the
// last 7 days) in the caller's shop scope; for supervisors and admins (signed in as agents) also
// idle agents (T2), inconsistent answers (T3) and 质检 scores per agent over time. Rows are read here; the formulas are core/metrics.
import { and, eq, inArray } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { BOT_KEY, computeFigures, fillDays, UNATTRIBUTED_KEY } from '../../core/metrics/figures.js';
import type { Database } from '../../store/open-database.js';
import { agents, shops } from '../../store/schema/index.js';
import { maySeePersonalData } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { loadFigureRows } from './figure-rows.js';
import { dashboardQuery, type DashboardQuery } from '../../core/contract/metrics.js';
import { idleAgentsNow, inconsistentAnswers } from './team-watch.js';
import { qualityTrend } from '../training/quality.js';

const DAY = 86400_000;

// The query is part of the API contract (core/contract), shared with the workbench.
export { dashboardQuery, type DashboardQuery };

/** A shop outside the caller's scope is NOT_FOUND; a range that ends before it starts is refused. */
export async function dashboardFigures(database: Database, p: Principal, q: DashboardQuery, now: Date) {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * DAY);
  if (from > to) throw new DxeError('VALIDATION_FAILED', '开始时间不能晚于结束时间');
  if (q.shopId && !p.shopIds.includes(q.shopId)) throw new DxeError('NOT_FOUND');
  const shopIds = q.shopId ? [q.shopId] : p.shopIds;
  const empty = { from: from.toISOString(), to: to.toISOString(), groupBy: q.groupBy };
  if (shopIds.length === 0) {
    return { ...empty, total: computeFigures({ conversations: [], messages: [], orders: [], cases: [] }, q.groupBy).total, groups: [] };
  }

  const rows = await loadFigureRows(database, { orgId: p.orgId, shopIds }, from, to);
  const result = computeFigures(rows, q.groupBy);

  // Labels for the groups.
  const { db } = database;
  const orgAgents = await db
    .select({ id: agents.id, displayName: agents.displayName, presence: agents.presence, lastSeenAt: agents.lastSeenAt, role: agents.role })
    .from(agents)
    .where(and(eq(agents.orgId, p.orgId), eq(agents.disabled, false)));
  const shopNames = await db.select({ id: shops.id, name: shops.name }).from(shops).where(inArray(shops.id, shopIds));
  const agentName = (key: string): string => {
    if (key === BOT_KEY) return '机器人';
    if (key === UNATTRIBUTED_KEY) return '未归属';
    return orgAgents.find((a) => a.id === key)?.displayName ?? key;
  };
  const label = (key: string): string => {
    if (q.groupBy === 'day') return key.slice(5);
    if (q.groupBy === 'shop') return shopNames.find((s) => s.id === key)?.name ?? key;
    return agentName(key);
  };
  const groups = q.groupBy === 'day' ? fillDays(result.groups, from, to) : result.groups;
  const body = { ...empty, total: result.total, groups: groups.map((g) => ({ ...g, label: label(g.key) })) };
  if (!maySeePersonalData(p) || p.kind !== 'agent') return body;

  const idleAgents = await idleAgentsNow(database, orgAgents, shopIds, now, q.idleMinutes);
  const inconsistencies = inconsistentAnswers(rows.messages, (m) => (m.authorKind === 'bot' ? '机器人' : agentName(m.authorId ?? UNATTRIBUTED_KEY)));
  // 质检 scores per agent over the range (real chats only; practice never enters these figures).
  const quality = await qualityTrend(database, p, shopIds, from, to, now);
  return { ...body, idleAgents, inconsistencies, quality };
}
