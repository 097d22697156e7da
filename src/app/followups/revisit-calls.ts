// F4 老客回访 by phone: the call tasks agents work in 跟进. The list shows the buyer, their latest
// orders and VIP tier, the call script from the flow's template and the number masked; 查看号码
// gives the full number only to the roles the rules name (revisit.call.reveal_roles), each reveal
// audited (the audit row names the task and buyer, never the number). An agent records the outcome
// and a note: 未接通 is tried again later, at most max_attempts calls; 改约 opens a new task at the
// agreed time; 拒绝回访 means the buyer is not called again.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { shopTiers } from '../../core/buyers/tiers.js';
import type { CallClaimReply, CallOutcomeBody, CallOutcomeReply, CallTaskView, RevisitCallsView } from '../../core/contract/revisits.js';
import { DxeError } from '../../core/errors.js';
import { followupRules } from '../../core/followups/config.js';
import { CALL_OUTCOME_ZH, CALL_STATE_ZH, planCallOutcome, type CallOutcome } from '../../core/followups/revisit-channels.js';
import { maskPhone } from '../../core/privacy.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { agents, buyers, orderLines, orders, revisitCalls, shops, type CallHistoryEntry } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { buyerSegmentInfo } from '../buyers/segments.js';
import type { UseCaseDeps } from '../runtime/context.js';

type CallRow = typeof revisitCalls.$inferSelect;

function callRule() {
  const rule = followupRules().flows.revisit.call;
  if (!rule) throw new DxeError('PROFILE_INVALID', 'rules/followups.yaml: flows.revisit.call 缺失');
  return rule;
}

/** May this principal reveal buyers' numbers (查看号码)? */
export function mayRevealPhone(p: Principal): boolean {
  return (callRule().reveal_roles as readonly string[]).includes(p.role);
}

/** The shop's call tasks (open ones first by due time), each with what the agent needs for the call. */
export async function revisitCallList(
  database: Database,
  p: Principal,
  shopId: string,
  input: { state: 'open' | 'done' | 'given_up' | 'all'; limit: number },
  now: Date,
): Promise<RevisitCallsView> {
  assertShopAccess(p, shopId);
  const rule = callRule();
  const rows = await database.db
    .select()
    .from(revisitCalls)
    .where(and(eq(revisitCalls.shopId, shopId), ...(input.state === 'all' ? [] : [eq(revisitCalls.state, input.state)])))
    .orderBy(input.state === 'open' ? asc(revisitCalls.dueAt) : desc(revisitCalls.updatedAt))
    .limit(input.limit);
  return { calls: await callViews(database, shopId, rows, p, now), maxAttempts: rule.max_attempts, retryHours: rule.retry_hours, mayReveal: mayRevealPhone(p) };
}

async function callViews(d: Database | Tx, shopId: string, rows: readonly CallRow[], p: Principal, now: Date): Promise<CallTaskView[]> {
  if (rows.length === 0) return [];
  const db = queriesOf(d);
  const holders = [...new Set(rows.filter((r) => heldAt(r, now)).map((r) => r.claimedBy!))];
  const holderName = new Map(
    holders.length ? (await db.select({ id: agents.id, name: agents.displayName }).from(agents).where(inArray(agents.id, holders))).map((a) => [a.id, a.name] as const) : [],
  );
  const buyerIds = [...new Set(rows.map((r) => r.buyerId))];
  const buyerRows = await db.select({ id: buyers.id, nickname: buyers.nickname, account: buyers.platformAccount, phone: buyers.phone }).from(buyers).where(inArray(buyers.id, buyerIds));
  const orderRows = await db
    .select({ id: orders.id, buyerId: orders.buyerId, no: orders.platformOrderNo, state: orders.state, phone: orders.receiverPhone, at: orders.orderedAt, createdAt: orders.createdAt })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), inArray(orders.buyerId, buyerIds)))
    .orderBy(desc(orders.createdAt));
  const lines = orderRows.length
    ? await db.select({ orderId: orderLines.orderId, title: orderLines.title, lineNo: orderLines.lineNo }).from(orderLines).where(inArray(orderLines.orderId, orderRows.map((o) => o.id)))
    : [];
  const itemOf = new Map<string, string>();
  for (const l of lines.sort((a, b) => a.lineNo - b.lineNo)) if (!itemOf.has(l.orderId)) itemOf.set(l.orderId, l.title);
  const [shop] = await db.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  const tiers = shopTiers((shop?.settings as { vip?: unknown } | null)?.vip).tiers;
  const tierName = new Map(tiers.map((t) => [t.id, t.name]));
  const standing = await buyerSegmentInfo(d, shopId, tiers, buyerIds);
  const buyerById = new Map(buyerRows.map((b) => [b.id, b]));
  return rows.map((r) => {
    const b = buyerById.get(r.buyerId);
    const mine = orderRows.filter((o) => o.buyerId === r.buyerId);
    const tier = standing.get(r.buyerId)?.tier ?? null;
    return {
      id: r.id,
      buyerId: r.buyerId,
      buyer: b?.nickname || b?.account || '买家',
      tier: tier ? (tierName.get(tier) ?? tier) : null,
      lastOrders: mine.slice(0, 3).map((o) => ({ orderNo: o.no, item: itemOf.get(o.id) ?? null, state: o.state, at: (o.at ?? o.createdAt).toISOString() })),
      phoneMasked: maskPhone(phoneOf(b?.phone, mine)),
      script: r.script,
      dueAt: r.dueAt.toISOString(),
      state: r.state,
      stateZh: CALL_STATE_ZH[r.state],
      attempts: r.attempts,
      outcome: r.outcome,
      outcomeZh: r.outcome ? (CALL_OUTCOME_ZH[r.outcome as CallOutcome] ?? r.outcome) : null,
      note: r.note,
      previousId: r.previousId,
      history: (Array.isArray(r.history) ? r.history : []).map((h) => ({ ...h, outcomeZh: CALL_OUTCOME_ZH[h.outcome as CallOutcome] ?? h.outcome })),
      ...claimView(r, p, now, holderName),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// 接手: one agent works a task at a time (a buyer is not called twice by two agents)

const claimMs = () => callRule().claim_minutes * 60_000;

/** Is the task held by someone's claim at `now`? */
function heldAt(r: CallRow, now: Date): boolean {
  return r.state === 'open' && !!r.claimedBy && !!r.claimedAt && r.claimedAt.getTime() + claimMs() > now.getTime();
}

function claimView(r: CallRow, p: Principal, now: Date, names: ReadonlyMap<string, string>): Pick<CallTaskView, 'claimedBy' | 'claimedByMe' | 'claimedUntil'> {
  if (!heldAt(r, now)) return { claimedBy: null, claimedByMe: false, claimedUntil: null };
  return {
    claimedBy: names.get(r.claimedBy!) ?? '其他客服',
    claimedByMe: !!p.agentId && r.claimedBy === p.agentId,
    claimedUntil: new Date(r.claimedAt!.getTime() + claimMs()).toISOString(),
  };
}

/**
 * Takes the task for `p` (or renews p's claim) with the row locked; refused with CONFLICT, naming
 * who holds it and until when, while another agent's claim runs. Recording an outcome and 查看号码
 * take the task the same way, so a buyer is never called by two agents at once.
 */
async function takeCall(tx: Tx, p: Principal, call: CallRow, now: Date): Promise<void> {
  if (!p.agentId) throw new DxeError('FORBIDDEN', '回访电话只能由客服本人接手');
  if (call.state !== 'open') throw new DxeError('CONFLICT', `这个回访任务已${CALL_STATE_ZH[call.state]}`);
  if (heldAt(call, now) && call.claimedBy !== p.agentId) {
    const [holder] = await tx.select({ name: agents.displayName }).from(agents).where(eq(agents.id, call.claimedBy!));
    const until = new Date(call.claimedAt!.getTime() + claimMs());
    throw new DxeError('CONFLICT', `${holder?.name ?? '其他客服'}已接手这位买家的回访（到 ${beijingHm(until)} 为止），请勿重复致电`, { reason: 'CALL_CLAIMED', until: until.toISOString() });
  }
  await tx.update(revisitCalls).set({ claimedBy: p.agentId, claimedAt: now }).where(eq(revisitCalls.id, call.id));
}

/** HH:mm in Beijing time. */
function beijingHm(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3_600_000);
  return `${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * 接手 a call task (or renew one's claim), or let it go: the holder may release their claim, a lead
 * anyone's (an agent who left for the day). Audited.
 */
export async function claimCall(deps: UseCaseDeps, p: Principal, shopId: string, callId: string, input: { release?: boolean | undefined }): Promise<CallClaimReply> {
  assertShopAccess(p, shopId);
  if (p.role === 'integration') throw new DxeError('FORBIDDEN');
  await deps.database.db.transaction(async (tx) => {
    const call = await callOfShop(tx, shopId, callId, true);
    if (input.release) {
      if (!heldAt(call, deps.now)) return;
      const lead = p.role === 'admin' || p.role === 'supervisor';
      if (call.claimedBy !== p.agentId && !lead) throw new DxeError('FORBIDDEN', '只能放开自己接手的回访任务');
      await tx.update(revisitCalls).set({ claimedBy: null, claimedAt: null }).where(eq(revisitCalls.id, call.id));
    } else {
      await takeCall(tx, p, call, deps.now);
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null,
      action: input.release ? 'revisit.call_released' : 'revisit.call_claimed', subjectKind: 'revisit_call', subjectId: call.id,
      data: { shopId, buyerId: call.buyerId, holder: call.claimedBy ?? null },
    });
  });
  const rows = await deps.database.db.select().from(revisitCalls).where(eq(revisitCalls.id, callId));
  return { call: (await callViews(deps.database, shopId, rows, p, deps.now))[0]! };
}

/** The number to call: the buyer's own, else their latest order's receiver phone. */
function phoneOf(own: string | null | undefined, ordersNewestFirst: readonly { phone: string | null }[]): string | null {
  return own?.trim() || ordersNewestFirst.find((o) => o.phone)?.phone || null;
}

async function callOfShop(tx: Tx, shopId: string, callId: string, lock: boolean): Promise<CallRow> {
  const q = tx.select().from(revisitCalls).where(and(eq(revisitCalls.id, callId), eq(revisitCalls.shopId, shopId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new DxeError('NOT_FOUND', '没有这个回访电话任务');
  return row;
}

/**
 * 查看号码: the full number of a task's buyer, for a role that places calls (FORBIDDEN otherwise),
 * audited in the same transaction (the audit row names the task and buyer, never the number).
 */
export async function revealCallPhone(deps: UseCaseDeps, p: Principal, shopId: string, callId: string): Promise<{ phone: string }> {
  assertShopAccess(p, shopId);
  if (!mayRevealPhone(p)) throw new DxeError('FORBIDDEN', '你的角色不能查看买家完整号码');
  return deps.database.db.transaction(async (tx) => {
    const call = await callOfShop(tx, shopId, callId, true);
    // 查看号码 is about to call: it takes the task (refused while another agent holds it).
    if (call.state === 'open') await takeCall(tx, p, call, deps.now);
    const [b] = await tx.select({ phone: buyers.phone }).from(buyers).where(eq(buyers.id, call.buyerId));
    const mine = await tx.select({ phone: orders.receiverPhone }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.buyerId, call.buyerId))).orderBy(desc(orders.createdAt));
    const phone = phoneOf(b?.phone, mine);
    if (!phone) throw new DxeError('NOT_FOUND', '该买家没有电话号码');
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null,
      action: 'revisit.phone_revealed', subjectKind: 'revisit_call', subjectId: call.id, data: { shopId, buyerId: call.buyerId, role: p.role },
    });
    return { phone };
  });
}

/**
 * An agent records a call: the outcome and a note. 未接通 keeps the task open for another call
 * retry_hours later until max_attempts calls were made (then 放弃); 改约 finishes it and opens a
 * new task at the agreed time; 已接通 and 拒绝回访 finish it. One transaction with its audit row.
 */
export async function recordCallOutcome(deps: UseCaseDeps, p: Principal, shopId: string, callId: string, input: CallOutcomeBody): Promise<CallOutcomeReply> {
  assertShopAccess(p, shopId);
  if (p.role === 'integration') throw new DxeError('FORBIDDEN');
  const rule = callRule();
  const { id, nextId } = await deps.database.db.transaction(async (tx) => {
    const call = await callOfShop(tx, shopId, callId, true);
    if (call.state !== 'open') throw new DxeError('CONFLICT', `这个回访任务已${CALL_STATE_ZH[call.state]}，不能再记录结果`);
    await takeCall(tx, p, call, deps.now);
    const plan = planCallOutcome(rule, { outcome: input.outcome, attemptsBefore: call.attempts, rescheduleAt: input.rescheduleAt ? new Date(input.rescheduleAt) : null, now: deps.now });
    const note = input.note?.trim() || null;
    const entry: CallHistoryEntry = { at: deps.now.toISOString(), outcome: input.outcome, note, by: p.displayName };
    await tx
      .update(revisitCalls)
      .set({
        state: plan.state, attempts: plan.attempts, outcome: input.outcome, note,
        history: [...(Array.isArray(call.history) ? call.history : []), entry],
        ...(plan.dueAt ? { dueAt: plan.dueAt } : {}),
        // The call is made: the claim ends (an unreached buyer's next try is anyone's).
        claimedBy: null, claimedAt: null,
        updatedAt: deps.now, updatedBy: p.agentId ?? null,
      })
      .where(eq(revisitCalls.id, call.id));
    let nextId: string | null = null;
    if (plan.newTaskAt) {
      const [next] = await tx
        .insert(revisitCalls)
        .values({ shopId, buyerId: call.buyerId, orderId: call.orderId, previousId: call.id, script: call.script, dueAt: plan.newTaskAt, state: 'open', updatedAt: deps.now, updatedBy: p.agentId ?? null })
        .returning({ id: revisitCalls.id });
      nextId = next!.id;
    }
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null,
      action: 'revisit.call_recorded', subjectKind: 'revisit_call', subjectId: call.id,
      data: { shopId, buyerId: call.buyerId, outcome: input.outcome, state: plan.state, attempts: plan.attempts, nextCallId: nextId, rescheduleAt: plan.newTaskAt?.toISOString() ?? null },
    });
    return { id: call.id, nextId };
  });
  const rows = await deps.database.db.select().from(revisitCalls).where(inArray(revisitCalls.id, nextId ? [id, nextId] : [id]));
  const views = await callViews(deps.database, shopId, rows, p, deps.now);
  return { call: views.find((v) => v.id === id)!, next: nextId ? (views.find((v) => v.id === nextId) ?? null) : null };
}
