// Issue 15: an admin edits and disables agents. A disabled agent cannot log in, their sessions
// end at once, their open chats go back to the queue; each change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.js';
import type { AgentRowView } from '../../src/core/contract/views.js';

describe(`agents can be edited and disabled (issue 15) on ${databaseLabel}`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const agentId = async (login: string) => (await t.database.query<{ id: string }>('select id from agents where login = $1', [login]))[0]!.id;

  it('edits the name, role and shops; the list shows them', async () => {
    const id = await agentId('agent2');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${id}`, headers: as(admin), payload: { displayName: '小美（夜班）', agentNo: '009', shopIds: ['demo-taobao'] } });
    expect(res.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/agents', headers: as(admin) });
    const row = list.json<{ items: AgentRowView[] }>().items.find((a) => a.id === id)!;
    expect(row).toMatchObject({ displayName: '小美（夜班）', agentNo: '009', shopIds: ['demo-taobao'], disabled: false });
    const [audit] = await t.database.query<{ action: string; data: { changed: string[] } }>(
      `select action, data from audit_log where subject_id = $1 and action like 'agent.%' order by id desc limit 1`, [id]);
    expect(audit).toMatchObject({ action: 'agent.update', data: { changed: ['displayName', 'agentNo', 'shopIds'] } });
  });

  it('a bad value is refused in Chinese', async () => {
    const id = await agentId('agent2');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${id}`, headers: as(admin), payload: { displayName: '  ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('disabling ends the sessions, refuses the login, re-queues the open chats; re-enabling lets them in again', async () => {
    const token = await t.login('agent1');
    const id = await agentId('agent1');
    // agent1 takes a waiting chat of their shop.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/conversations', headers: as(token) });
    const items = list.json<{ items: { id: string; status: string }[] }>().items;
    const waiting = items.find((c) => c.status === 'queued' || c.status === 'bot');
    expect(waiting).toBeTruthy();
    const take = await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${waiting!.id}/take`, headers: as(token) });
    expect(take.statusCode).toBe(200);
    const mine = await t.database.query<{ id: string }>(`select id from conversations where assignee_id = $1 and status = 'assigned'`, [id]);
    expect(mine.length).toBeGreaterThan(0);

    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${id}`, headers: as(admin), payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, requeued: mine.length });
    expect(res.json<{ endedSessions: number }>().endedSessions).toBeGreaterThan(0);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: as(token) })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'agent1', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(401);
    const still = await t.database.query<{ status: string; assignee_id: string | null }>(`select status, assignee_id from conversations where id = any($1)`, [mine.map((m) => m.id)]);
    for (const c of still) expect(c).toEqual({ status: 'queued', assignee_id: null });
    const audits = await t.database.query<{ action: string }>(`select action from audit_log where (subject_id = $1 and action = 'agent.disable') or (subject_id = any($2) and action = 'conversation.requeue')`, [id, mine.map((m) => m.id)]);
    expect(audits.filter((a) => a.action === 'agent.disable')).toHaveLength(1);
    expect(audits.filter((a) => a.action === 'conversation.requeue')).toHaveLength(mine.length);
    const row = (await t.app.inject({ method: 'GET', url: '/api/v1/agents', headers: as(admin) })).json<{ items: AgentRowView[] }>().items.find((a) => a.id === id)!;
    expect(row).toMatchObject({ disabled: true, presence: 'offline' });

    const back = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${id}`, headers: as(admin), payload: { disabled: false } });
    expect(back.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'agent1', password: DEMO_PASSWORD } })).statusCode).toBe(200);
  });

  it('an admin cannot disable themselves; a supervisor cannot edit agents; another organisation’s agent is not found', async () => {
    const me = await agentId('admin');
    const self = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${me}`, headers: as(admin), payload: { disabled: true } });
    expect(self.statusCode).toBe(409);
    const sup = await t.login('supervisor');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/agents/${await agentId('agent2')}`, headers: as(sup), payload: { disabled: true } });
    expect(res.statusCode).toBe(403);
    const none = await t.app.inject({ method: 'PATCH', url: '/api/v1/agents/no-such-agent', headers: as(admin), payload: { disabled: true } });
    expect(none.statusCode).toBe(404);
  });
});
