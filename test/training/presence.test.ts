// C17 / T2: presence from activity on a real database (PGlite): auto-away after inactivity with
// the chat waiting for a reply moved to a colleague (audit row, realtime event), the agent's own
// status, the alert for a login left without activity, offline when the screen closes or on logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { noteActivity, sweepPresence } from '../../src/app/auth/presence.js';
import { createLocalBus, type DomainEvent } from '../../src/app/events/event-bus.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { agents, agentShops, auditLog, conversations, organisations } from '../../src/store/schema/index.js';
import { idleAgentsNow } from '../../src/app/metrics/team-watch.js';
import { openTestDatabase } from '../helpers/database.js';
import { hashPassword } from '../../src/app/auth/auth.js';
import { PASSWORD, seedConversation, seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

const T0 = new Date('2026-11-23T02:00:00.000Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('presence that is true (C17, T2)', () => {
  let database: Database;
  let app: FastifyInstance;
  let world: World;
  let colleague: { id: string; login: string };
  let clock = T0;
  let firstColleagueToken = '';
  const bus = createLocalBus();
  const events: DomainEvent[] = [];
  const deps = () => ({ database, bus, now: clock });
  const presenceOf = async (id: string) => (await database.db.select().from(agents).where(eq(agents.id, id)))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database);
    const [row] = await database.db.insert(agents).values({
      orgId: world.orgId, login: `a2-${world.agentA.login}`, displayName: '客服小丽', role: 'agent', passwordHash: await hashPassword(PASSWORD), presence: 'offline',
    }).returning();
    await database.db.insert(agentShops).values({ agentId: row!.id, shopId: world.shopA });
    colleague = { id: row!.id, login: row!.login };
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => clock, bus, logger: false });
    await app.ready();
    bus.subscribe((e) => events.push(e));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('an agent who stays inactive turns away and their waiting chat moves to an online colleague', async () => {
    const tokenA = await tokenFor(app, world.agentA.login);
    firstColleagueToken = await tokenFor(app, colleague.login);
    expect((await presenceOf(world.agentA.id)).presence).toBe('online');
    const waiting = await seedConversation(database, { shopId: world.shopA, status: 'assigned', incoming: [{ text: '这件有M码吗', at: min(1) }] });
    const answered = await seedConversation(database, { shopId: world.shopA, status: 'assigned', incoming: [{ text: '在吗', at: min(1) }], answeredAt: min(1) });
    await database.db.update(conversations).set({ assigneeId: world.agentA.id }).where(eq(conversations.id, waiting));
    // The answered chat: its last message is the reply, so it does not wait.
    await database.db.update(conversations).set({ assigneeId: world.agentA.id, lastMessageAt: min(2), lastBuyerMessageAt: min(1) }).where(eq(conversations.id, answered));

    // 8 minutes: the screen is there (heartbeats), the colleague is working, nobody moved yet.
    for (const m of [2, 4, 6, 8]) {
      clock = min(m);
      await noteActivity(deps(), world.agentA.id, false);
      await noteActivity(deps(), colleague.id, true);
    }
    // Agents stored as online without a session (seeded so) turn offline; A and the colleague stay.
    const first = await sweepPresence(deps());
    expect(first.filter((c) => c.agentId === world.agentA.id || c.agentId === colleague.id)).toEqual([]);
    expect(first.every((c) => c.to === 'offline')).toBe(true);
    const read = await app.inject({ method: 'GET', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenA}` } });
    expect(read.json()).toMatchObject({ presence: 'online', autoAwayMinutes: 10 });

    // 11 minutes after the last activity (login at T0): away by inactivity.
    clock = min(11);
    await noteActivity(deps(), world.agentA.id, false);
    await noteActivity(deps(), colleague.id, true);
    events.length = 0;
    const changes = await sweepPresence(deps());
    expect(changes).toEqual([{ agentId: world.agentA.id, from: 'online', to: 'away', alert: false, requeued: 1 }]);
    const [moved] = await database.db.select().from(conversations).where(eq(conversations.id, waiting));
    expect(moved).toMatchObject({ status: 'assigned', assigneeId: colleague.id });
    const [stayed] = await database.db.select().from(conversations).where(eq(conversations.id, answered));
    expect(stayed!.assigneeId).toBe(world.agentA.id);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'conversation.requeue'), eq(auditLog.subjectId, waiting)));
    expect(audit[0]!.data).toMatchObject({ from: world.agentA.id, to: colleague.id });
    expect(events.some((e) => e.type === 'conversation.updated' && e.data.conversationId === waiting)).toBe(true);
    expect(events.find((e) => e.type === 'agent.presence')).toMatchObject({ shopId: world.shopA, data: { presence: 'away', requeued: 1, alert: false } });
    // T2 reads the real presence: an away agent is not "online and idle".
    const idle = await idleAgentsNow(database, [{ ...(await presenceOf(world.agentA.id)), role: 'agent' }], [world.shopA], clock, 5);
    expect(idle).toEqual([]);

    // A person acting again brings the agent back online at once.
    clock = min(12);
    await app.inject({ method: 'POST', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenA}` }, payload: { status: 'online' } });
    expect((await presenceOf(world.agentA.id)).presence).toBe('online');
  });

  it('a login left without activity alerts supervisors once per idle spell', async () => {
    // From min(12), only heartbeats until min(43): away at 22, alert at 42 (30 minutes).
    events.length = 0;
    let alerts = 0;
    for (let m = 14; m <= 46; m += 2) {
      clock = min(m);
      await noteActivity(deps(), world.agentA.id, false);
      await noteActivity(deps(), colleague.id, true);
      alerts += (await sweepPresence(deps())).filter((c) => c.alert).length;
    }
    expect(alerts).toBe(1);
    const alert = events.find((e) => e.type === 'agent.presence' && e.data.alert);
    expect(alert?.data).toMatchObject({ agentId: world.agentA.id });
    const rows = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'agent.idle_alert'), eq(auditLog.subjectId, world.agentA.id)));
    expect(rows).toHaveLength(1);
  });

  it('the agent chooses away; the screen closing or a logout makes them offline; the org sets its own minutes', async () => {
    const tokenB = await tokenFor(app, colleague.login);
    const chat = await seedConversation(database, { shopId: world.shopA, status: 'assigned', incoming: [{ text: '发什么快递', at: clock }] });
    await database.db.update(conversations).set({ assigneeId: colleague.id }).where(eq(conversations.id, chat));
    const res = await app.inject({ method: 'POST', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenB}` }, payload: { status: 'away' } });
    expect(res.statusCode).toBe(200);
    // Nobody else of the shop is online (agent A is away): both chats waiting on the colleague
    // (this one and the one moved to them earlier) go back to the queue.
    expect(res.json()).toMatchObject({ presence: 'away', choice: 'away', requeued: 2 });
    const [queued] = await database.db.select().from(conversations).where(eq(conversations.id, chat));
    expect(queued).toMatchObject({ status: 'queued', assigneeId: null });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenB}` }, payload: { status: 'busy' } });
    expect(bad.statusCode).toBe(400);

    // No sign of agent A's screen for more than 3 minutes: offline.
    clock = new Date(clock.getTime() + 4 * 60_000);
    await sweepPresence(deps());
    expect((await presenceOf(world.agentA.id)).presence).toBe('offline');

    // Two sessions: the first logout leaves one (still away, as chosen); the second ends presence.
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${tokenB}` } });
    expect((await presenceOf(colleague.id)).presence).toBe('away');
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${firstColleagueToken}` } });
    expect((await presenceOf(colleague.id)).presence).toBe('offline');

    await database.db.update(organisations).set({ autoAwayMinutes: 2 }).where(eq(organisations.id, world.orgId));
    const tokenA = await tokenFor(app, world.agentA.login);
    const view = await app.inject({ method: 'GET', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenA}` } });
    expect(view.json()).toMatchObject({ presence: 'online', autoAwayMinutes: 2 });
    clock = new Date(clock.getTime() + 150_000);
    await noteActivity(deps(), world.agentA.id, false);
    await sweepPresence(deps());
    expect((await presenceOf(world.agentA.id)).presence).toBe('away');
  });

  it('the minutes come from rules/common.yaml; a supervisor overrides them per shop from the workbench (audited)', async () => {
    await database.db.update(organisations).set({ autoAwayMinutes: null }).where(eq(organisations.id, world.orgId));
    const sup = await tokenFor(app, world.supervisor.login);
    const read = await app.inject({ method: 'GET', url: `/api/v1/shops/${world.shopA}/presence-settings`, headers: { authorization: `Bearer ${sup}` } });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      defaults: { autoAwayMinutes: 10, idleAlertMinutes: 30, offlineAfterMinutes: 3 },
      override: { autoAwayMinutes: null, idleAlertMinutes: null, offlineAfterMinutes: null },
      effective: { autoAwayMinutes: 10, idleAlertMinutes: 30, offlineAfterMinutes: 3 },
    });
    expect(read.json().defaults.noteZh).toContain('项目默认值');
    const tokenA = await tokenFor(app, world.agentA.login);
    const denied = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/presence-settings`, headers: { authorization: `Bearer ${tokenA}` }, payload: { autoAwayMinutes: 1, idleAlertMinutes: null, offlineAfterMinutes: null } });
    expect(denied.statusCode).toBe(403);
    const inverted = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/presence-settings`, headers: { authorization: `Bearer ${sup}` }, payload: { autoAwayMinutes: 20, idleAlertMinutes: 5, offlineAfterMinutes: null } });
    expect(inverted.statusCode).toBe(400);
    const saved = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/presence-settings`, headers: { authorization: `Bearer ${sup}` }, payload: { autoAwayMinutes: 4, idleAlertMinutes: null, offlineAfterMinutes: null } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ override: { autoAwayMinutes: 4 }, effective: { autoAwayMinutes: 4, idleAlertMinutes: 30 } });
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'settings.presence'), eq(auditLog.subjectId, world.shopA)))).toHaveLength(1);
    // Agent A serves shop A: the shop's 4 minutes apply to them (the agent's own view says so)…
    const view = await app.inject({ method: 'GET', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenA}` } });
    expect(view.json()).toMatchObject({ autoAwayMinutes: 4 });
    // …and the sweep turns them away after 4 quiet minutes, not 10.
    clock = new Date(clock.getTime() + 60_000);
    await app.inject({ method: 'POST', url: '/api/v1/presence', headers: { authorization: `Bearer ${tokenA}` }, payload: { status: 'online' } });
    expect((await presenceOf(world.agentA.id)).presence).toBe('online');
    clock = new Date(clock.getTime() + 5 * 60_000);
    await noteActivity(deps(), world.agentA.id, false);
    await sweepPresence(deps());
    expect((await presenceOf(world.agentA.id)).presence).toBe('away');
    // Clearing the override brings back the defaults.
    const cleared = await app.inject({ method: 'PUT', url: `/api/v1/shops/${world.shopA}/presence-settings`, headers: { authorization: `Bearer ${sup}` }, payload: { autoAwayMinutes: null, idleAlertMinutes: null, offlineAfterMinutes: null } });
    expect(cleared.json()).toMatchObject({ override: { autoAwayMinutes: null }, effective: { autoAwayMinutes: 10 } });
  });
});
