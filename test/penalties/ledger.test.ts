// N2, N3, N4: the penalty-points ledger through the real server on PGlite — a late Taobao shipment
// (exposure, waived by paying before the ruling, incurred when the ruling time passed unpaid or
// the payment came after it), a blocked reply a supervisor sent anyway (D4), a broken promise
// (D8), description-mismatch kinds recorded on Tmall cases escalating by repetition, the removal
// line, the calendar-year boundary, scoping to the caller's shops, and refusals in Chinese.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOrder } from '../../src/app/orders/orders.js';
import { runDueDeadlines } from '../../src/app/timers/run-due.js';
import type { Database } from '../../src/store/open-database.js';
import { agentShops, auditLog, deadlines, shops } from '../../src/store/schema/index.js';
import { databaseLabel } from '../helpers/database.js';
import { startWorldApp, type WorldApp } from '../helpers/app.js';
import { seedConversation, tokenFor, type World } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

interface Entry { source: string; subjectId: string; ruleId: string; points: number; serious: boolean; status: string; compensationMinor: number; noteZh: string }
interface Ledger { shopId: string; incurred: { serious: number; general: number }; exposure: { serious: number; general: number }; waived: number; removal: { threshold: number | null; remaining: number | null; level: string; textZh: string }; entries: Entry[]; period: { from: string } }

describe(`penalty-points ledger (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let harness: WorldApp | undefined;
  let clock = T0;
  let taobao: string;
  // Sessions last 12 h and the clock moves by days: a caller logs in again when its session is old.
  const logins: Record<string, string> = {};
  const sessions = new Map<string, { at: number; token: string }>();
  const h = async (who: string) => {
    const s = sessions.get(who);
    if (!s || clock.getTime() < s.at || clock.getTime() - s.at > 6 * 3_600_000) {
      sessions.set(who, { at: clock.getTime(), token: await tokenFor(app, logins[who]!) });
    }
    return { authorization: `Bearer ${sessions.get(who)!.token}` };
  };
  beforeAll(async () => {
    harness = await startWorldApp({ now: () => clock });
    ({ app, database, world } = harness);
    const [shop] = await database.db.insert(shops).values({ orgId: world.orgId, platform: 'taobao', name: '数码小铺' }).returning();
    taobao = shop!.id;
    await database.db.insert(agentShops).values({ agentId: world.agentA.id, shopId: taobao });
    Object.assign(logins, { a: world.agentA.login, b: world.agentB.login, sup: world.supervisor.login });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const ledgerOf = async (who: string, shopId: string): Promise<Ledger> => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/penalties?shopId=${shopId}`, headers: await h(who) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { shops: Ledger[] }).shops[0]!;
  };
  const paidOrder = async (shopId: string, no: string, paidAt: Date, extra: object = {}) =>
    (await syncOrder(database, shopId, {
      platformOrderNo: no, buyerAccount: `buyer-${no}`, state: '买家已付款等待卖家发货', orderedAt: paidAt, paidAt, totalFen: 10000, paidFen: 10000,
      lines: [{ title: '蓝牙耳机', qty: 1, priceFen: 10000 }], ...extra,
    }, { kind: 'platform' }, clock)).order;

  it('a late Taobao shipment: 3 points at stake, waived when paid before the ruling, incurred otherwise (N2)', async () => {
    const waived = await paidOrder(taobao, 'LATE-1', at(-72));
    const open = await paidOrder(taobao, 'LATE-2', at(-72));
    const paidLate = await paidOrder(taobao, 'LATE-3', at(-72));
    const onTime = await paidOrder(taobao, 'LATE-4', at(-1));
    // The timer loop finds the missed ship-by and schedules the ruling (4 working days).
    await runDueDeadlines(database, { now: T0, workerId: 't' });
    const ruling = await database.db.select().from(deadlines).where(and(eq(deadlines.subjectId, open.id), eq(deadlines.kind, 'compensate_before_ruling')));
    expect(ruling).toHaveLength(1);

    let l = await ledgerOf('a', taobao);
    const late = l.entries.filter((e) => e.source === 'late_shipment');
    expect(late.map((e) => e.subjectId).sort()).toEqual([waived.id, open.id, paidLate.id].sort());
    expect(late.every((e) => e.status === 'exposure' && e.points === 3 && e.compensationMinor === 500 && e.ruleId === 'N2')).toBe(true);
    expect(l.exposure.general).toBe(9);
    expect(l.removal.level).toBe('none');

    clock = at(1);
    const paid = await app.inject({ method: 'POST', url: `/api/v1/orders/${waived.id}/compensation-paid`, headers: await h('a'), payload: { note: '已通过支付宝赔付 5 元' } });
    expect(paid.statusCode, paid.body).toBe(200);
    const w = (paid.json() as Ledger).entries.find((e) => e.subjectId === waived.id)!;
    expect(w).toMatchObject({ status: 'waived', points: 3 });
    expect(w.noteZh).toContain('免扣 3 分');
    // The reminder to pay before the ruling has done its work; the payment is audited.
    const [settled] = await database.db.select().from(deadlines).where(and(eq(deadlines.subjectId, waived.id), eq(deadlines.kind, 'compensate_before_ruling')));
    expect(settled).toMatchObject({ state: 'done', firedBy: 'compensation_paid' });
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, waived.id), eq(auditLog.action, 'penalty.compensation_paid')))).toHaveLength(1);
    // The order's own view says so instead of advising to pay.
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/orders/${waived.id}`, headers: await h('a') })).json() as { exposure: { advice: string }; compensationPaidAt: string | null };
    expect(detail.compensationPaidAt).toBe(at(1).toISOString());
    expect(detail.exposure.advice).toContain('记录主动赔付，在平台判定前，免扣分');

    // Refusals with stable reasons, in Chinese.
    const again = await app.inject({ method: 'POST', url: `/api/v1/orders/${waived.id}/compensation-paid`, headers: await h('a'), payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: '该订单已记录过延迟发货赔付', details: { reason: 'ALREADY_RECORDED' } });
    const notLate = await app.inject({ method: 'POST', url: `/api/v1/orders/${onTime.id}/compensation-paid`, headers: await h('a'), payload: {} });
    expect(notLate.statusCode).toBe(409);
    expect(notLate.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { reason: 'NOT_LATE' } });
    const future = await app.inject({ method: 'POST', url: `/api/v1/orders/${open.id}/compensation-paid`, headers: await h('a'), payload: { paidAt: at(5).toISOString() } });
    expect(future.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '赔付时间不能晚于当前时间', details: { reason: 'PAID_IN_FUTURE' } });
    const badTime = await app.inject({ method: 'POST', url: `/api/v1/orders/${open.id}/compensation-paid`, headers: await h('a'), payload: { paidAt: '明天' } });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.code).toBe('VALIDATION_FAILED');
    expect(badTime.body).toContain('赔付时间应为 ISO 8601');

    // Ten days on: the ruling time has passed. Unpaid → incurred (estimated); paid after it → incurred.
    clock = at(240);
    const afterRuling = await app.inject({ method: 'POST', url: `/api/v1/orders/${paidLate.id}/compensation-paid`, headers: await h('a'), payload: { paidAt: at(230).toISOString() } });
    expect(afterRuling.statusCode, afterRuling.body).toBe(200);
    l = await ledgerOf('a', taobao);
    const by = Object.fromEntries(l.entries.map((e) => [e.subjectId, e]));
    expect(by[open.id]).toMatchObject({ status: 'incurred', points: 3 });
    expect(by[open.id]!.noteZh).toContain('估计已扣分');
    expect(by[paidLate.id]).toMatchObject({ status: 'incurred', points: 3 });
    expect(by[waived.id]).toMatchObject({ status: 'waived' });
    expect([l.incurred.general, l.waived]).toEqual([6, 3]);

    // A deduction the platform notified that the product cannot see: a lead names the category, the points come from the rules.
    const manual = async (who: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/shops/${taobao}/penalties`, headers: await h(who), payload });
    expect((await manual('a', { category: 'special_promise' })).statusCode).toBe(403);
    const special = await manual('sup', { category: 'special_promise', note: '试用中心延迟发送试用品' });
    expect(special.statusCode, special.body).toBe(200);
    expect((special.json() as Ledger).entries.find((e) => e.source === 'manual')).toMatchObject({ ruleId: 'N2.special_promise', points: 6, status: 'incurred' });
    const price = await manual('sup', { category: 'late_or_price', orderId: onTime.id });
    expect((price.json() as Ledger).entries.find((e) => e.source === 'manual' && e.ruleId === 'N2.late_or_price')).toMatchObject({ points: 3, compensationMinor: 500 });
    expect((price.json() as Ledger).incurred.general).toBe(15);
    const badCategory = await manual('sup', { category: 'bogus' });
    expect(badCategory.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'UNKNOWN_CATEGORY' } });
    expect(badCategory.json().error.message).toContain('扣分类别无效');
    expect((await manual('sup', { category: 'special_promise', orderId: 'no-such-order' })).statusCode).toBe(404);
  });

  it('a blocked reply a supervisor sent anyway and a broken promise count by their D rule (D4, D8)', async () => {
    clock = at(250);
    const conv = await seedConversation(database, { shopId: world.shopA, incoming: [{ text: '可以开发票吗', at: at(249.9) }], status: 'assigned' });
    const text = '亲，这款是特价商品，不提供发票的哦';
    const blocked = await app.inject({ method: 'POST', url: `/api/v1/conversations/${conv}/messages`, headers: await h('sup'), payload: { text } });
    expect(blocked.statusCode, blocked.body).toBe(422);
    const sent = await app.inject({ method: 'POST', url: `/api/v1/conversations/${conv}/messages`, headers: await h('sup'), payload: { text, override: { reason: '买家要求不开票以便宜一些' } } });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    const [promise] = await database.query<{ id: string }>(
      `insert into promises (id, shop_id, conversation_id, kind, text) values (gen_random_uuid()::text, $1, $2, 'gift', '送您一副耳机套') returning id`,
      [world.shopA, conv],
    );
    const settle = await app.inject({ method: 'POST', url: `/api/v1/promises/${promise!.id}/settle`, headers: await h('a'), payload: { state: 'broken', note: '赠品缺货未寄出' } });
    expect(settle.statusCode, settle.body).toBe(200);

    const l = await ledgerOf('a', world.shopA);
    const d4 = l.entries.find((e) => e.source === 'released_reply' && e.ruleId === 'D4');
    expect(d4).toMatchObject({ points: 6, status: 'exposure', serious: false });
    expect(d4!.noteZh).toContain('买家要求不开票以便宜一些');
    expect(l.entries.find((e) => e.source === 'broken_promise')).toMatchObject({ subjectId: promise!.id, ruleId: 'D8', points: 4, status: 'exposure' });

    // A lead records the platform's ruling: the D4 complaint upheld (6 points charged), the promise not.
    const ruling = async (who: string, payload: object) => app.inject({ method: 'POST', url: '/api/v1/penalties/ruling', headers: await h(who), payload });
    expect((await ruling('a', { source: 'released_reply', subjectId: d4!.subjectId, upheld: true })).statusCode).toBe(403);
    const upheld = await ruling('sup', { source: 'released_reply', subjectId: d4!.subjectId, upheld: true });
    expect(upheld.statusCode, upheld.body).toBe(200);
    const dismissed = await ruling('sup', { source: 'broken_promise', subjectId: promise!.id, upheld: false, note: '买家撤诉' });
    const after = dismissed.json() as Ledger;
    expect(after.entries.find((e) => e.ruleId === 'D4')).toMatchObject({ status: 'incurred', points: 6 });
    expect(after.entries.find((e) => e.ruleId === 'D8')).toMatchObject({ status: 'dismissed' });
    expect(after.incurred.general).toBe(6);
    expect(after.exposure.general).toBe(0);
    const badSource = await ruling('sup', { source: 'review', subjectId: 'x', upheld: true });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.body).toContain('来源应为 released_reply');
    expect((await ruling('sup', { source: 'broken_promise', subjectId: 'no-such-promise', upheld: true })).statusCode).toBe(404);
    const [kept] = await database.query<{ id: string }>(
      `insert into promises (id, shop_id, conversation_id, kind, text, state) values (gen_random_uuid()::text, $1, $2, 'gift', '送您贴膜', 'kept') returning id`,
      [world.shopA, conv],
    );
    const notInLedger = await ruling('sup', { source: 'broken_promise', subjectId: kept!.id, upheld: true });
    expect(notInLedger.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'NOT_IN_LEDGER' } });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'penalty.ruling_recorded'))).toHaveLength(2);
  });

  it('mismatch kinds on Tmall cases escalate by repetition; the removal line is counted on serious points (N3, N4)', async () => {
    clock = at(260);
    const caseIds: string[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const o = await paidOrder(world.shopA, `MIS-${i}`, at(200), { state: '卖家已发货等待买家确认', shippedAt: at(210) });
      const opened = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: await h('a'), payload: { orderId: o.id, type: 'refund_only', reason: '错发/漏发', amount: 10 } });
      expect(opened.statusCode, opened.body).toBe(201);
      caseIds.push((opened.json() as { case: { id: string } }).case.id);
    }
    const record = async (id: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1/cases/${id}/mismatch`, headers: await h('a'), payload });
    for (let i = 0; i < 4; i += 1) {
      clock = at(261 + i);
      const r = await record(caseIds[i]!, { kind: 'material', upheld: true });
      expect(r.statusCode, r.body).toBe(200);
    }
    let l = await ledgerOf('a', world.shopA);
    const mis = l.entries.filter((e) => e.source === 'description_mismatch').sort((a, b) => caseIds.indexOf(a.subjectId) - caseIds.indexOf(b.subjectId));
    expect(mis.map((e) => [e.points, e.serious, e.status])).toEqual([[6, false, 'incurred'], [12, false, 'incurred'], [12, false, 'incurred'], [12, true, 'incurred']]);
    expect(l.incurred.serious).toBe(12);
    expect(l.removal).toMatchObject({ threshold: 48, remaining: 36, level: 'ok' });
    expect(l.removal.textZh).toContain('还差 36 分将被清退');

    // Recording again changes the kind (audited with what it was); a trivial mismatch costs nothing.
    clock = at(266);
    expect((await record(caseIds[4]!, { kind: 'material' })).statusCode).toBe(200);
    l = await ledgerOf('a', world.shopA);
    expect(l.entries.find((e) => e.subjectId === caseIds[4])).toMatchObject({ points: 12, serious: true, status: 'exposure' });
    expect(l.removal.textZh).toContain('若待判定的 12 分严重违规全部成立，还差 24 分');
    expect((await record(caseIds[4]!, { kind: 'trivial', note: '抽检轻微不符' })).statusCode).toBe(200);
    l = await ledgerOf('a', world.shopA);
    expect(l.entries.find((e) => e.subjectId === caseIds[4])).toMatchObject({ ruleId: 'N3.trivial', points: 0 });
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, caseIds[4]!), eq(auditLog.action, 'penalty.mismatch_recorded')));
    expect(audits).toHaveLength(2);

    // Bad input: an unknown kind, a wrong type, in Chinese with stable codes.
    const unknown = await record(caseIds[0]!, { kind: 'colour' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'UNKNOWN_MISMATCH_KIND' } });
    expect(unknown.json().error.message).toContain('描述不符类型无效');
    const wrongType = await record(caseIds[0]!, { kind: 'material', upheld: 'yes' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('请说明平台是否已判定成立');
    expect((await record(caseIds[0]!, {})).body).toContain('请选择描述不符类型');
  });

  it('counts over the Beijing calendar year: a new year starts the tally and the repetition again', async () => {
    const o = await paidOrder(world.shopA, 'YEAR-1', at(200), { state: '卖家已发货等待买家确认', shippedAt: at(210) });
    const opened = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: await h('a'), payload: { orderId: o.id, type: 'refund_only', reason: '错发/漏发', amount: 10 } });
    const caseId = (opened.json() as { case: { id: string } }).case.id;
    clock = new Date('2026-12-31T16:00:00.000Z'); // 2027-01-01 00:00 Beijing
    expect((await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/mismatch`, headers: await h('a'), payload: { kind: 'material', upheld: true } })).statusCode).toBe(200);
    const l = await ledgerOf('a', world.shopA);
    expect(l.period.from).toBe('2026-12-31T16:00:00.000Z');
    // Last year's entries (the material cases, the D4 reply and its ruling, the broken promise) are not counted.
    expect(l.entries.map((e) => [e.subjectId, e.points, e.serious])).toEqual([[caseId, 6, false]]);
    expect(l.incurred).toEqual({ serious: 0, general: 6 });
    expect(l.removal.remaining).toBe(48);
    // One second earlier (23:59:59 on 31 December, Beijing) the year was still 2026.
    clock = new Date('2026-12-31T15:59:59.000Z');
    expect((await ledgerOf('a', world.shopA)).incurred.serious).toBe(12);
  });

  it('shows each caller only the shops they may see (another shop’s agent sees nothing of it)', async () => {
    clock = at(300);
    const own = await app.inject({ method: 'GET', url: '/api/v1/penalties', headers: await h('b') });
    expect((own.json() as { shops: Ledger[] }).shops.map((s) => s.shopId)).toEqual([world.shopB]);
    expect((own.json() as { shops: Ledger[] }).shops[0]!.entries).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/penalties?shopId=${world.shopA}`, headers: await h('b') })).statusCode).toBe(404);
    const [kase] = await database.query<{ id: string }>('select id from aftersales_cases where shop_id = $1 limit 1', [world.shopA]);
    const foreign = await app.inject({ method: 'POST', url: `/api/v1/cases/${kase!.id}/mismatch`, headers: await h('b'), payload: { kind: 'material' } });
    expect(foreign.statusCode).toBe(404);
    const [order] = await database.query<{ id: string }>("select id from orders where shop_id = $1 and platform_order_no = 'LATE-2'", [taobao]);
    expect((await app.inject({ method: 'POST', url: `/api/v1/orders/${order!.id}/compensation-paid`, headers: await h('b'), payload: {} })).statusCode).toBe(404);
    // The supervisor sees every shop of the organisation; a JD case has no mismatch table in the rules.
    const all = await app.inject({ method: 'GET', url: '/api/v1/penalties', headers: await h('sup') });
    expect((all.json() as { shops: Ledger[] }).shops.map((s) => s.shopId).sort()).toEqual([world.shopA, world.shopB, taobao].sort());
    const jdOrder = await paidOrder(world.shopB, 'JD-1', at(250), { state: '等待收货', shippedAt: at(260) });
    const jdCase = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: await h('b'), payload: { orderId: jdOrder.id, type: 'refund_only', reason: '错发/漏发', amount: 10 } });
    expect(jdCase.statusCode, jdCase.body).toBe(201);
    const noRules = await app.inject({ method: 'POST', url: `/api/v1/cases/${(jdCase.json() as { case: { id: string } }).case.id}/mismatch`, headers: await h('b'), payload: { kind: 'material' } });
    expect(noRules.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'NO_MISMATCH_RULES' } });
  });
});
