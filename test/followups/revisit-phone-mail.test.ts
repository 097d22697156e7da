// F4 老客回访 by phone and mail (seed 000: 定期回访顾客，用打电话、旺旺或者email的方式关心客户……切忌不要太频繁).
// A shop switches its re-visit to phone: the sender creates call tasks instead of messages (F3's
// marketing limit and opt-outs apply as for chat); agents see the number masked, 查看号码 is audited
// and refused to a principal without the right; outcomes retry unreached calls at most N times and
// 改约 opens a new task. By mail: the buyer's address is recorded (validated, masked), the shop's
// admin sets the SMTP server (the password never comes back), and a send that fails stays due with
// its error; with the smtp-server package installed, a real SMTP server in this process receives it.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/app/auth/auth.js';
import { createApiToken } from '../../src/app/auth/auth.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { claimCall, revealCallPhone } from '../../src/app/followups/revisit-calls.js';
import { smtpTransport } from '../../src/app/followups/mail-transport.js';
import { sendDueMail } from '../../src/app/followups/revisit-mail.js';
import { noSecretKey, secretBoxFor } from '../../src/app/runtime/secret-box.js';
import { runDueFollowups } from '../../src/app/followups/run-due.js';
import { syncOrder } from '../../src/app/orders/orders.js';
import { loadConfig } from '../../src/config.js';
import { followupRules } from '../../src/core/followups/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { auditLog, mailOutbox, revisitCalls, scheduledMessages, shopMailSettings } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-23T02:00:00.000Z'); // 10:00 in Beijing
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const bus = createLocalBus();
// The deployment's key that seals the SMTP password at rest (the mail sender opens it with the same).
const config = loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off', SECRET_KEY: 'revisit-mail-test-secret-key' });
const secrets = secretBoxFor(config);
const REVISIT_DUE = 721; // 30 days after the latest finished order (rules: delay_hours 720), +1 h


describe(`F4 老客回访 by phone and mail (${databaseLabel})`, () => {
  let database: Database;
  let world: World;
  let app: FastifyInstance;
  let now = T0;
  const auth: Record<'agent' | 'supervisor' | 'admin' | 'agentB', Record<string, string>> = { agent: {}, supervisor: {}, admin: {}, agentB: {} };
  const login = async () => {
    auth.agent = { authorization: `Bearer ${await tokenFor(app, world.agentA.login)}` };
    auth.agentB = { authorization: `Bearer ${await tokenFor(app, world.agentB.login)}` };
    auth.supervisor = { authorization: `Bearer ${await tokenFor(app, world.supervisor.login)}` };
    auth.admin = { authorization: `Bearer ${await tokenFor(app, world.admin.login)}` };
  };
  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database, { platformA: 'taobao' });
    // The workbench's clock stays at T0 (sessions would end on a clock moved by weeks); the sender
    // runs at the times the re-visits fall due.
    app = await buildApp({ database, config, now: () => T0, logger: false });
    await app.ready();
    await login();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A loyal buyer: two finished orders, the latest completed `doneAt` hours after T0. */
  const loyalBuyer = async (account: string, phone: string, doneAt = 0, orders = 2) => {
    let last: { orderId: string; buyerId: string } | null = null;
    for (let i = 0; i < orders; i++) {
      const { order } = await syncOrder(database, world.shopA, {
        platformOrderNo: `${account}-${i}`, buyerAccount: account, state: '交易成功', orderedAt: at(-400 + i), paidAt: at(-399 + i), shippedAt: at(-380 + i),
        completedAt: at(doneAt - (orders - 1 - i)), receiverPhone: phone, courier: '中通快递', trackingNo: `ZT${account}${i}`, lines: [{ title: i === 0 ? '纯棉T恤' : '牛仔外套', qty: 1, priceFen: 5900 }],
      }, { kind: 'platform' }, T0);
      last = { orderId: order.id, buyerId: order.buyerId! };
    }
    return last!;
  };
  const revisitRows = (buyerId: string) =>
    database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.buyerId, buyerId), eq(scheduledMessages.kind, 'revisit')));
  const setChannel = (channel: 'chat' | 'phone' | 'email', who: Record<string, string> = auth.supervisor) =>
    app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/followups/flows`, headers: who, payload: { flow: 'revisit', enabled: true, channel } });
  const run = async (hours: number) => {
    now = at(hours);
    return runDueFollowups(database, { now, workerId: 'f4-test', bus });
  };

  let li: { orderId: string; buyerId: string };
  let callId: string;

  it('F4: the re-visit channel is the shop\'s choice; only the re-visit may go by phone or mail', async () => {
    const view = await setChannel('phone');
    expect(view.statusCode, view.body).toBe(200);
    const flow = (view.json() as { flows: { flow: string; channel: string; channels: string[] }[] }).flows.find((f) => f.flow === 'revisit')!;
    expect(flow.channel).toBe('phone');
    expect(flow.channels).toEqual(['chat', 'phone', 'email']);
    const care = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/followups/flows`, headers: auth.supervisor, payload: { flow: 'care', enabled: true, channel: 'phone' } });
    expect(care.statusCode).toBe(400);
    expect(care.json().error.message).toContain('不能通过电话回访发送');
    expect((await setChannel('email', auth.agent)).statusCode).toBe(403);
  });

  it('F4/F3: a phone re-visit creates a call task instead of a message; a second one within the marketing limit is held; an opted-out buyer gets none', async () => {
    li = await loyalBuyer('li-xiaomei', '13812341234');
    // Wang finished three orders an hour apart: two re-visit rows fall due together.
    const wang = await loyalBuyer('wang-da', '13900001111', 0, 3);
    const zhao = await loyalBuyer('zhao-er', '13700002222');
    const optOut = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/followups/consent`, headers: auth.agent, payload: { buyerId: zhao.buyerId, optedOut: true } });
    expect(optOut.statusCode, optOut.body).toBe(200);
    await run(REVISIT_DUE);

    const [row] = await revisitRows(li.buyerId);
    expect(row).toMatchObject({ state: 'sent', outcome: 'call_task', channel: 'phone', messageId: null });
    const tasks = await database.db.select().from(revisitCalls).where(eq(revisitCalls.buyerId, li.buyerId));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ state: 'open', attempts: 0, scheduledId: row!.id });
    expect(tasks[0]!.script).toContain('好久不见');
    callId = tasks[0]!.id;

    const wangRows = (await revisitRows(wang.buyerId)).map((r) => r.outcome).sort();
    expect(wangRows).toEqual(['call_task', 'held_frequency']);
    expect((await revisitRows(wang.buyerId)).find((r) => r.outcome === 'held_frequency')!.outcomeNote).toContain('电话回访');
    expect((await revisitRows(zhao.buyerId)).map((r) => r.outcome)).toEqual(['opted_out']);
    expect(await database.db.select().from(revisitCalls).where(eq(revisitCalls.buyerId, zhao.buyerId))).toHaveLength(0);
  });

  it('F4: agents see the task with orders, tier, script and the number masked — never the full number', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/revisit-calls`, headers: auth.agent });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('13812341234');
    const view = res.json() as { calls: { id: string; phoneMasked: string; lastOrders: { item: string }[]; tier: string | null; script: string }[]; maxAttempts: number; mayReveal: boolean };
    const task = view.calls.find((c) => c.id === callId)!;
    expect(task.phoneMasked).toBe('138****1234');
    expect(task.lastOrders.map((o) => o.item).sort()).toEqual(['牛仔外套', '纯棉T恤']);
    expect(task.tier).toBe('老客'); // M2: 2 paid orders
    expect(task.script.length).toBeGreaterThan(5);
    expect(view.maxAttempts).toBe(followupRules().flows.revisit.call!.max_attempts);
    expect(view.mayReveal).toBe(true);
    // Another shop's agent does not see the shop's tasks.
    expect((await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/revisit-calls`, headers: auth.agentB })).statusCode).toBe(404);
  });

  it('F4: 查看号码 gives the number to an agent and audits it without the number; refused to an integration', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/reveal`, headers: auth.agent });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ phone: '13812341234' });
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'revisit.phone_revealed'), eq(auditLog.subjectId, callId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(world.agentA.id);
    expect(JSON.stringify(audits[0])).not.toContain('1234');

    const integration: Principal = { kind: 'token', orgId: world.orgId, role: 'integration', displayName: 'ERP', shopIds: [world.shopA] };
    await expect(revealCallPhone({ database, bus, now }, integration, world.shopA, callId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const token = (await createApiToken(database, { orgId: world.orgId, shopId: world.shopA, name: 'erp' })).token;
    const byToken = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/reveal`, headers: { authorization: `Bearer ${token}` } });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.body).not.toContain('13812341234');
    // Still one reveal audited: refusals reveal nothing.
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'revisit.phone_revealed'), eq(auditLog.subjectId, callId)))).toHaveLength(1);
  });

  it('F4 接手: 查看号码 took the task for the agent; nobody else calls or records it while the claim runs; a lead may let it go; it lapses after claim_minutes', async () => {
    const list = async (who: 'agent' | 'supervisor') =>
      ((await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/revisit-calls`, headers: auth[who] })).json() as { calls: { id: string; claimedBy: string | null; claimedByMe: boolean; claimedUntil: string | null }[] }).calls.find((c) => c.id === callId)!;
    const minutes = followupRules().flows.revisit.call!.claim_minutes;
    expect(await list('agent')).toMatchObject({ claimedBy: '客服小美', claimedByMe: true, claimedUntil: new Date(T0.getTime() + minutes * 60_000).toISOString() });
    expect(await list('supervisor')).toMatchObject({ claimedBy: '客服小美', claimedByMe: false });
    // The lead may neither record a call nor reveal the number meanwhile: told who has it and until when.
    const busy = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/outcome`, headers: auth.supervisor, payload: { outcome: 'reached' } });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'CALL_CLAIMED' } });
    expect(busy.json().error.message).toBe('客服小美已接手这位买家的回访（到 10:30 为止），请勿重复致电');
    expect((await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/reveal`, headers: auth.supervisor })).statusCode).toBe(409);
    const claimUrl = `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/claim`;
    expect((await app.inject({ method: 'POST', url: claimUrl, headers: auth.supervisor, payload: {} })).statusCode).toBe(409);
    // A lead lets the claim go (the agent left for the day), takes it, and the agent is refused in turn.
    const released = await app.inject({ method: 'POST', url: claimUrl, headers: auth.supervisor, payload: { release: true } });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().call).toMatchObject({ claimedBy: null, claimedUntil: null });
    const taken = await app.inject({ method: 'POST', url: claimUrl, headers: auth.supervisor, payload: {} });
    expect(taken.json().call).toMatchObject({ claimedBy: '店长老王', claimedByMe: true });
    expect((await app.inject({ method: 'POST', url: claimUrl, headers: auth.agent, payload: { release: true } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: claimUrl, headers: auth.agent, payload: {} })).json().error.message).toContain('店长老王已接手');
    // After claim_minutes the claim lapses: the agent takes it back.
    const later = new Date(T0.getTime() + (minutes * 60_000) + 1000);
    const agentA: Principal = { kind: 'agent', orgId: world.orgId, agentId: world.agentA.id, role: 'agent', displayName: '客服小美', shopIds: [world.shopA] };
    expect((await claimCall({ database, bus, now: later }, agentA, world.shopA, callId, {})).call).toMatchObject({ claimedBy: '客服小美', claimedByMe: true });
    expect((await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, callId)))).map((a) => a.action).filter((x) => x.startsWith('revisit.call_c') || x === 'revisit.call_released'))
      .toEqual(['revisit.call_released', 'revisit.call_claimed', 'revisit.call_claimed']);
    // Back to the clock of the suite: the agent's claim (at `later`) holds there too.
    expect((await list('agent')).claimedByMe).toBe(true);
  });

  it('F4: 未接通 is retried later at most N calls, then given up; each outcome audited', async () => {
    const max = followupRules().flows.revisit.call!.max_attempts;
    const retry = followupRules().flows.revisit.call!.retry_hours;
    for (let i = 1; i <= max; i++) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/outcome`, headers: auth.agent, payload: { outcome: 'unreached', note: `第 ${i} 次没人接` } });
      expect(res.statusCode, res.body).toBe(200);
      const { call } = res.json() as { call: { state: string; attempts: number; dueAt: string; history: unknown[] } };
      expect(call.attempts).toBe(i);
      expect(call.history).toHaveLength(i);
      if (i < max) {
        expect(call.state).toBe('open');
        expect(call.dueAt).toBe(new Date(T0.getTime() + retry * HOUR).toISOString());
      } else {
        expect(call.state).toBe('given_up');
      }
    }
    const again = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${callId}/outcome`, headers: auth.agent, payload: { outcome: 'reached' } });
    expect(again.statusCode).toBe(409);
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'revisit.call_recorded'), eq(auditLog.subjectId, callId)))).toHaveLength(max);
  });

  it('F4: 改约 opens a new task at the agreed time; 拒绝回访 means the buyer is not called again', async () => {
    const wangTask = (await database.db.select().from(revisitCalls).where(eq(revisitCalls.state, 'open'))).find((t) => t.buyerId !== li.buyerId)!;
    const bad = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${wangTask.id}/outcome`, headers: auth.agent, payload: { outcome: 'rescheduled' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('改约需要填写再次回访的时间');
    const when = new Date(T0.getTime() + 26 * HOUR).toISOString();
    const res = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${wangTask.id}/outcome`, headers: auth.agent, payload: { outcome: 'rescheduled', rescheduleAt: when, note: '买家说明天下午再打' } });
    expect(res.statusCode, res.body).toBe(200);
    const { call, next } = res.json() as { call: { state: string; outcomeZh: string }; next: { id: string; dueAt: string; state: string; previousId: string } };
    expect(call).toMatchObject({ state: 'done', outcomeZh: '改约' });
    expect(next).toMatchObject({ dueAt: when, state: 'open', previousId: wangTask.id });

    const refused = await app.inject({ method: 'POST', url: `/api/v1/shops/${world.shopA}/revisit-calls/${next.id}/outcome`, headers: auth.agent, payload: { outcome: 'refused', note: '不需要回访' } });
    expect(refused.statusCode, refused.body).toBe(200);
    // A later re-visit of the same buyer (past the marketing limit's week) creates no task.
    const [wangRow] = await database.db.select().from(scheduledMessages).where(and(eq(scheduledMessages.buyerId, wangTask.buyerId), eq(scheduledMessages.kind, 'revisit')));
    await database.db.insert(scheduledMessages).values({ shopId: world.shopA, buyerId: wangTask.buyerId, orderId: wangRow!.orderId, kind: 'revisit', text: '', step: 9, category: 'marketing', dueAt: at(REVISIT_DUE + 200) });
    await run(REVISIT_DUE + 200);
    const later = (await revisitRows(wangTask.buyerId)).find((r) => r.step === 9)!;
    expect(later.outcome).toBe('stopped_refused_call');
  });

  let chen: { orderId: string; buyerId: string };

  it('F4: an agent records a buyer\'s email (validated, shown masked); the admin sets the SMTP server, whose password never comes back', async () => {
    chen = await loyalBuyer('chen-jing', '13600003333', 408);
    const url = `/api/v1/shops/${world.shopA}/buyers/${chen.buyerId}/email`;
    const invalid = await app.inject({ method: 'PUT', url, headers: auth.agent, payload: { email: 'chen-at-example' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('邮箱格式不对');
    const ok = await app.inject({ method: 'PUT', url, headers: auth.agent, payload: { email: 'Chen.Jing@example.com' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ email: 'c***@example.com', masked: true });
    const audit = (await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'buyer.email_set'), eq(auditLog.subjectId, chen.buyerId))))[0]!;
    expect(JSON.stringify(audit.data)).not.toContain('chen.jing');

    const settings = { host: '127.0.0.1', port: 1, secure: false, user: 'shop@example.com', password: 'smtp-secret-9', from: 'service@example.com' };
    expect((await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/mail-settings`, headers: auth.supervisor, payload: settings })).statusCode).toBe(403);
    const saved = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/mail-settings`, headers: auth.admin, payload: settings });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('smtp-secret-9');
    expect(saved.json()).toMatchObject({ configured: true, host: '127.0.0.1', hasPassword: true, from: 'service@example.com' });
    const read = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/mail-settings`, headers: auth.supervisor });
    expect(read.body).not.toContain('smtp-secret-9');
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.mail_server'));
    expect(JSON.stringify(audits)).not.toContain('smtp-secret-9');
    // Sealed at rest: the database holds no clear password (a dump or backup does not carry it).
    const [stored] = await database.db.select().from(shopMailSettings).where(eq(shopMailSettings.shopId, world.shopA));
    expect(stored!.password).toMatch(/^enc:v1:/);
    expect(stored!.password).not.toContain('smtp-secret-9');
    expect(secrets.open(stored!.password!)).toBe('smtp-secret-9');
  });

  it('F4: an email re-visit is queued; a send that fails stays due with the error and is retried, never crashing the sweep', async () => {
    expect((await setChannel('email')).statusCode).toBe(200);
    await run(408 + REVISIT_DUE); // 11:00 in Beijing
    const [row] = await revisitRows(chen.buyerId);
    expect(row).toMatchObject({ outcome: 'mail_queued', channel: 'email', state: 'sent' });
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.buyerId, chen.buyerId));
    expect(mail).toMatchObject({ toAddress: 'chen.jing@example.com', state: 'pending', attempts: 0 });
    expect(mail!.subject).toContain('小美女装旗舰店');

    // Port 1 on this machine: nothing listens (and without nodemailer installed the adapter fails too).
    const first = await sendDueMail(database, { now, transport: smtpTransport(), secrets });
    expect(first).toEqual([expect.objectContaining({ id: mail!.id, outcome: 'retry' })]);
    const [afterFirst] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, mail!.id));
    expect(afterFirst).toMatchObject({ state: 'pending', attempts: 1 });
    expect(afterFirst!.lastError).toBeTruthy();
    expect(afterFirst!.lastError).not.toContain('chen.jing');
    expect(afterFirst!.nextAttemptAt.getTime()).toBe(now.getTime() + followupRules().flows.revisit.mail!.retry_minutes[0]! * 60_000);
    // Not due again before its retry time; tried again after it.
    expect(await sendDueMail(database, { now, transport: smtpTransport(), secrets })).toEqual([]);
    const later = new Date(afterFirst!.nextAttemptAt.getTime() + 1000);
    expect((await sendDueMail(database, { now: later, transport: smtpTransport(), secrets }))[0]).toMatchObject({ outcome: 'retry' });
    const [afterSecond] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, mail!.id));
    expect(afterSecond!.attempts).toBe(2);
  });

  it('F4: the queued mail reaches a real SMTP server started in this process (smtp-server + nodemailer)', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    const logins: string[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (a, _session, cb) => {
        logins.push(a.username ?? '');
        if (a.password === 'smtp-secret-9') cb(null, { user: a.username });
        else cb(new Error('bad password'));
      },
      onData: (stream, session, cb) => {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          received.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      // A password stored in clear before sealing existed (migration 0027's rows) is sealed when
      // the settings are next saved, even when the form leaves the password out.
      await database.db.update(shopMailSettings).set({ password: 'smtp-secret-9' }).where(eq(shopMailSettings.shopId, world.shopA));
      expect((await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/mail-settings`, headers: auth.admin, payload: { host: '127.0.0.1', port, secure: false, user: 'shop@example.com', from: 'service@example.com' } })).statusCode).toBe(200);
      const [resealed] = await database.db.select().from(shopMailSettings).where(eq(shopMailSettings.shopId, world.shopA));
      expect(resealed!.password).toMatch(/^enc:v1:/);
      const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.buyerId, chen.buyerId));
      // A process without the deployment's key cannot open the sealed password: the send fails with
      // words that say what to do, stays due, and nothing else stops.
      const keyless = await sendDueMail(database, { now: new Date(mail!.nextAttemptAt.getTime() + 1000), transport: smtpTransport(), secrets: noSecretKey });
      expect(keyless[0]).toMatchObject({ outcome: 'retry' });
      expect(keyless[0]!.error).toContain('无法解密');
      expect(logins).toEqual([]);
      const [retried] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, mail!.id));
      const out = await sendDueMail(database, { now: new Date(retried!.nextAttemptAt.getTime() + 1000), transport: smtpTransport(), secrets });
      expect(out[0]).toMatchObject({ outcome: 'sent' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: 'service@example.com', to: ['chen.jing@example.com'] });
      // The stored password logged in (never returned by the API, kept when the form leaves it out).
      expect(logins).toEqual(['shop@example.com']);
      expect(received[0]!.data).toContain('Subject: =?UTF-8?');
      expect(received[0]!.data).toContain('Content-Transfer-Encoding');
      const [sent] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, mail!.id));
      expect(sent).toMatchObject({ state: 'sent', lastError: null });
    } finally {
      await new Promise<void>((resolve) => server.close(resolve));
    }
  });
});
