import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/auth.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

describe(`auth and shop scoping on ${databaseLabel} (issue 2 §7)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('health answers with the database kind', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('logs in with the demo password and rejects a wrong one in Chinese', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'agent1', password: 'dxe-demo' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().token).toMatch(/^dxs_/);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'agent1', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '账号或密码错误' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'ghost', password: 'x' } });
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('an agent sees only the shops assigned; admins see the organisation', async () => {
    const agent1 = await t.login('agent1');
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${agent1}` } });
    expect(me.json().shops.map((s: { id: string }) => s.id)).toEqual(['demo-tmall']);
    const admin = await t.login('admin');
    const meAdmin = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${admin}` } });
    expect(meAdmin.json().shops.map((s: { id: string }) => s.id).sort()).toEqual(['demo-taobao', 'demo-tmall']);
  });

  it('no token, a bad token, and a logged-out token are 401', async () => {
    expect((await t.app.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
    const bad = await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer dxs_forged' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('UNAUTHENTICATED');
    const token = await t.login('agent2');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('an API token scoped to one shop sees only that shop', async () => {
    const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
    const { token } = await createApiToken(t.database, { orgId: org!.id, shopId: 'demo-taobao', name: 'bridge' });
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().shops.map((s: { id: string }) => s.id)).toEqual(['demo-taobao']);
  });

  it('login is rate limited', async () => {
    let last = 0;
    for (let i = 0; i < 15; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'agent1', password: 'wrong' },
        remoteAddress: '10.9.9.9',
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });
});
