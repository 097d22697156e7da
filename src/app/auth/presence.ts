// C17 / T2: presence that is true. An agent's presence follows from the status they chose, the
// signs of their screen (every authenticated request, the socket's heartbeats) and a person acting
// (writes, a status change, input the workbench reports on its heartbeat). A sweep in the
// background loop (app/runtime/background.ts) re-derives everyone's presence; when an agent turns
// away or offline, their assigned chats that wait for a reply move to an online colleague of the
// shop (or back to the queue), each with an audit row and a realtime event; a login that stays
// without activity alerts supervisors once per idle spell.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import {
  derivePresence,
  pickColleague,
  PRESENCE_REASON_ZH,
  waitsForReply,
  type Presence,
  type PresencePolicy,
} from '../../core/metrics/idle-agents.js';
import { DxeError } from '../../core/errors.js';
import type { Database, Tx } from '../../store/open-database.js';
import { agents, agentShops, conversations, sessions, shops } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { transact, type Emit } from '../events/outbox.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { findLocked, writeConversation } from '../conversations/conversation-row.js';
import { conversationSummary } from '../conversations/views.js';
import { policyForAgent } from '../metrics/presence-settings.js';
import { logout, type Principal } from './auth.js';

/** Timestamps are written at most this often per agent (a bridge-free agent makes few calls, but the workbench polls). */
const TOUCH_EVERY_MS = 20_000;
const touched = new WeakMap<Database, Map<string, { seen: number; active: number }>>();

/**
 * Notes a sign of the agent's screen (`active` false: a read, a heartbeat) or of a person acting
 * (`active` true). When a person acts while shown away by inactivity, presence is re-derived at once.
 */
export async function noteActivity(deps: UseCaseDeps, agentId: string, active: boolean): Promise<void> {
  let map = touched.get(deps.database);
  if (!map) touched.set(deps.database, (map = new Map()));
  const t = deps.now.getTime();
  const last = map.get(agentId) ?? { seen: 0, active: 0 };
  const due = active ? t - last.active >= TOUCH_EVERY_MS : t - last.seen >= TOUCH_EVERY_MS;
  if (!due) return;
  map.set(agentId, { seen: t, active: active ? t : last.active });
  if (map.size > 10_000) map.clear();
  const [row] = await deps.database.db
    .update(agents)
    .set(active ? { lastSeenAt: deps.now, lastActiveAt: deps.now } : { lastSeenAt: deps.now })
    .where(eq(agents.id, agentId))
    .returning({ presence: agents.presence, choice: agents.presenceChoice });
  if (active && row && row.presence !== 'online' && (row.choice === null || row.choice === 'online')) {
    await refreshPresence(deps, agentId);
  }
}

/** Forgets the throttle (a login starts a fresh record). */
function forgetTouch(database: Database, agentId: string): void {
  touched.get(database)?.delete(agentId);
}

export interface PresenceView {
  presence: Presence;
  choice: Presence | null;
  reasonZh: string;
  autoAwayMinutes: number;
  idleAlertMinutes: number;
  requeued: number;
}

/** The agent sets their own status (online / away / offline); setting it is itself activity. */
export async function setPresence(deps: UseCaseDeps, p: Principal, status: Presence): Promise<PresenceView> {
  if (p.kind !== 'agent' || !p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号可以设置在线状态');
  await deps.database.db
    .update(agents)
    .set({ presenceChoice: status, lastActiveAt: deps.now, lastSeenAt: deps.now })
    .where(eq(agents.id, p.agentId));
  forgetTouch(deps.database, p.agentId);
  const result = await refreshPresence(deps, p.agentId, { actor: p.agentId });
  return presenceView(deps.database, p.agentId, result?.requeued ?? 0, deps.now);
}

export async function myPresence(database: Database, p: Principal, now: Date): Promise<PresenceView> {
  if (p.kind !== 'agent' || !p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号有在线状态');
  return presenceView(database, p.agentId, 0, now);
}

async function presenceView(database: Database, agentId: string, requeued: number, now: Date): Promise<PresenceView> {
  const [row] = await database.db.select({ agent: agents }).from(agents).where(eq(agents.id, agentId));
  if (!row) throw new DxeError('NOT_FOUND');
  const policy = await policyForAgent(database.db, row.agent);
  const verdict = derivePresence(await presenceInput(database.db, row.agent, now), now, policy);
  return {
    presence: row.agent.presence,
    choice: row.agent.presenceChoice,
    reasonZh: PRESENCE_REASON_ZH[verdict.reason],
    autoAwayMinutes: policy.autoAwayMinutes,
    idleAlertMinutes: policy.idleAlertMinutes,
    requeued,
  };
}

type AgentRow = typeof agents.$inferSelect;

async function presenceInput(db: Tx | Database['db'], a: AgentRow, now: Date) {
  const [s] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.agentId, a.id), gt(sessions.expiresAt, now)));
  return { choice: a.presenceChoice, loggedIn: (s?.n ?? 0) > 0, lastSeenAt: a.lastSeenAt, lastActiveAt: a.lastActiveAt };
}

/** Shops an agent serves: supervisors and admins the organisation's, agents their assigned ones. */
async function servedShops(tx: Tx, orgAgents: readonly AgentRow[], orgId: string): Promise<Map<string, string[]>> {
  const orgShops = (await tx.select({ id: shops.id }).from(shops).where(eq(shops.orgId, orgId))).map((r) => r.id);
  const ids = orgAgents.map((a) => a.id);
  const links = ids.length ? await tx.select().from(agentShops).where(inArray(agentShops.agentId, ids)) : [];
  return new Map(orgAgents.map((a) => [a.id, a.role === 'agent' ? links.filter((l) => l.agentId === a.id).map((l) => l.shopId) : orgShops]));
}

export interface PresenceChange {
  agentId: string;
  from: Presence;
  to: Presence;
  alert: boolean;
  requeued: number;
}

/**
 * Re-derives one agent's presence and acts on a change (in one transaction with the agent row
 * locked): the new presence stored, their waiting chats re-queued when they turn away or offline,
 * audit rows and events. Returns null when nothing changed.
 */
export async function refreshPresence(
  deps: UseCaseDeps,
  agentId: string,
  opts: { actor?: string; policy?: PresencePolicy } = {},
): Promise<PresenceChange | null> {
  return transact(deps, async (tx, emit) => {
    const [a] = await tx.select().from(agents).where(eq(agents.id, agentId)).for('update');
    if (!a || a.disabled) return null;
    // rules/common.yaml `presence`, the organisation's minutes, the served shops' overrides (strictest).
    const policy = opts.policy ?? (await policyForAgent(tx, a));
    const verdict = derivePresence(await presenceInput(tx, a, deps.now), deps.now, policy);
    const changed = verdict.presence !== a.presence;
    // One alert per idle spell: a later activity starts a new spell.
    const alertDue = verdict.alert && (!a.idleAlertedAt || (a.lastActiveAt !== null && a.idleAlertedAt < a.lastActiveAt));
    if (!changed && !alertDue) return null;
    const orgAgents = await tx.select().from(agents).where(and(eq(agents.orgId, a.orgId), eq(agents.disabled, false)));
    const served = await servedShops(tx, orgAgents, a.orgId);
    const myShops = served.get(a.id) ?? [];
    let requeued = 0;
    if (changed) {
      await tx.update(agents).set({ presence: verdict.presence }).where(eq(agents.id, a.id));
      await appendAuditIn(tx, {
        orgId: a.orgId, at: deps.now, actorKind: opts.actor ? 'agent' : 'system', actorId: opts.actor ?? null,
        action: 'agent.presence', subjectKind: 'agent', subjectId: a.id,
        data: { from: a.presence, to: verdict.presence, reason: verdict.reason },
      });
      if (verdict.presence !== 'online') {
        const others = orgAgents.filter((o) => o.id !== a.id).map((o) => ({ ...o, presence: o.presence }));
        requeued = await requeueWaiting(tx, emit, deps.now, a, others, served);
      }
    }
    if (alertDue) {
      await tx.update(agents).set({ idleAlertedAt: deps.now }).where(eq(agents.id, a.id));
      await appendAuditIn(tx, {
        orgId: a.orgId, at: deps.now, actorKind: 'system', action: 'agent.idle_alert', subjectKind: 'agent', subjectId: a.id,
        data: { lastActiveAt: (a.lastActiveAt ?? a.lastSeenAt)?.toISOString() ?? null, idleAlertMinutes: policy.idleAlertMinutes },
      });
    }
    const reasonZh = alertDue
      ? `账号已登录但 ${policy.idleAlertMinutes} 分钟以上无操作（挂机）`
      : PRESENCE_REASON_ZH[verdict.reason];
    for (const shopId of myShops) {
      emit({
        type: 'agent.presence', shopId,
        data: { agentId: a.id, displayName: a.displayName, presence: verdict.presence, reasonZh, alert: alertDue, requeued },
      });
    }
    return { agentId: a.id, from: a.presence, to: verdict.presence, alert: alertDue, requeued };
  });
}

/** The leaving agent's assigned chats that wait for a reply go to a colleague, or back to the queue. */
async function requeueWaiting(
  tx: Tx,
  emit: Emit,
  now: Date,
  leaving: AgentRow,
  others: readonly AgentRow[],
  served: Map<string, string[]>,
): Promise<number> {
  const mine = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.assigneeId, leaving.id), eq(conversations.status, 'assigned')));
  if (mine.length === 0) return 0;
  const loads = await tx
    .select({ agentId: conversations.assigneeId, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(eq(conversations.status, 'assigned'))
    .groupBy(conversations.assigneeId);
  const load = new Map(loads.map((l) => [l.agentId, l.n]));
  // Agents of the shop before supervisors: a supervisor is the last colleague, not the first.
  const colleagues = others.map((o) => ({
    id: o.id, presence: o.presence, shopIds: served.get(o.id) ?? [], load: (load.get(o.id) ?? 0) + (o.role === 'agent' ? 0 : 1000),
  }));
  let moved = 0;
  for (const { id } of mine) {
    const c = await findLocked(tx, id);
    if (!c || c.row.status !== 'assigned' || c.row.assigneeId !== leaving.id || !waitsForReply(c.row)) continue;
    const to = pickColleague(c.row.shopId, leaving.id, colleagues);
    await writeConversation(tx, c, { status: to ? 'assigned' : 'queued', assigneeId: to });
    if (to) colleagues.find((x) => x.id === to)!.load += 1;
    await appendAuditIn(tx, {
      orgId: leaving.orgId, at: now, actorKind: 'system', action: 'conversation.requeue', subjectKind: 'conversation', subjectId: id,
      data: { from: leaving.id, to, reason: 'agent_not_online' },
    });
    const summary = await conversationSummary(tx, id, now);
    emit({ type: 'conversation.updated', shopId: c.row.shopId, data: { conversationId: id, conversation: summary } });
    moved += 1;
  }
  return moved;
}

/**
 * The sweep the background loop runs: re-derives the presence of every agent who is not already
 * offline or still has a session. Failures of one agent are reported and do not stop the others.
 */
export async function sweepPresence(deps: UseCaseDeps, onError?: (err: unknown, agentId: string) => void): Promise<PresenceChange[]> {
  const { db } = deps.database;
  const rows = await db.select({ id: agents.id, presence: agents.presence }).from(agents).where(eq(agents.disabled, false));
  const live = new Set(
    (await db.select({ agentId: sessions.agentId }).from(sessions).where(gt(sessions.expiresAt, deps.now))).map((s) => s.agentId),
  );
  const out: PresenceChange[] = [];
  for (const r of rows) {
    if (r.presence === 'offline' && !live.has(r.id)) continue;
    try {
      const change = await refreshPresence(deps, r.id);
      if (change) out.push(change);
    } catch (err) {
      onError?.(err, r.id);
    }
  }
  return out;
}

/** A logout ends the session and re-derives presence at once (offline when no session is left). */
export async function logoutWithPresence(deps: UseCaseDeps, token: string): Promise<void> {
  const agentId = await logout(deps.database, token);
  if (!agentId) return;
  forgetTouch(deps.database, agentId);
  await refreshPresence(deps, agentId, { actor: agentId });
}

/** Starts the sweep every `intervalMs`; returns its stop. Steps never overlap. */
export function startPresenceLoop(opts: {
  deps: () => UseCaseDeps;
  intervalMs: number;
  onError: (err: unknown) => void;
}): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const step = () => {
    if (busy) return;
    busy = true;
    running = sweepPresence(opts.deps(), (err) => opts.onError(err))
      .catch((err: unknown) => opts.onError(err))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(step, opts.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
