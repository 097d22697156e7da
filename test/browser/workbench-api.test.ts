// The dashboard and settings APIs behind the workbench (T1-T3, C12, O5, C7, P1, A11), in process
// with app.inject on the real database. No browser needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { openTestDatabase, databaseLabel } from '../helpers/database.js';
import type { Database } from '../../src/store/open-database.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

describe(`workbench APIs (${databaseLabel})`, () => {
  let app: FastifyInstance;
  let database: Database;
  let data: WorkbenchData;
  const tokens: Record<string, string> = {};

  const call = (login: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${tokens[login]}` } });

  beforeAll(async () => {
    database = await openTestDatabase();
    data = await insertWorkbenchData(database, new Date());
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), logger: false });
    for (const login of ['admin', 'supervisor', 'agent1']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password: 'dxe-demo' } });
      tokens[login] = res.json<{ token: string }>().token;
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('T1 metrics: figures per day, agent and shop; T2/T3 only for supervisors', async () => {
    const sup = await call('supervisor', 'GET', '/api/v1/metrics?groupBy=agent');
    expect(sup.statusCode).toBe(200);
    const body = sup.json();
    expect(body.total.conversations).toBeGreaterThan(10);
    expect(body.total.firstResponseP50).toBeGreaterThan(0);
    expect(body.total.inquiryConversion).toBeGreaterThan(0);
    expect(body.total.interceptionsByRule.D11).toBeGreaterThan(0);
    expect(body.groups.map((g: { label: string }) => g.label)).toContain('机器人');
    expect(Array.isArray(body.idleAgents)).toBe(true);
    expect(body.inconsistencies.some((x: { intent: string }) => x.intent === 'ship_time')).toBe(true);

    const agent = (await call('agent1', 'GET', '/api/v1/metrics?groupBy=shop')).json();
    expect(agent.idleAgents).toBeUndefined();
    expect(agent.groups.map((g: { key: string }) => g.key)).toEqual([data.tmallId]);
    expect((await call('agent1', 'GET', `/api/v1/metrics?shopId=${data.taobaoId}`)).statusCode).toBe(404);
    expect((await call('agent1', 'GET', '/api/v1/metrics?groupBy=week')).statusCode).toBe(400);
  });

  it('C12 standard answers: read in scope, write by supervisors, 404 outside the scope', async () => {
    const res = await call('agent1', 'GET', `/api/v1/shops/${data.tmallId}/standard-answers`);
    expect(res.json().items.length).toBeGreaterThan(10);
    expect((await call('agent1', 'GET', `/api/v1/shops/${data.taobaoId}/standard-answers`)).statusCode).toBe(404);
    const body = { items: [{ intent: 'ship_time', variants: ['亲，16点前下单当天发货哦', '今天16点前拍下，当天就给您发出'] }] };
    expect((await call('agent1', 'PUT', `/api/v1/shops/${data.tmallId}/standard-answers`, body)).statusCode).toBe(403);
    expect((await call('supervisor', 'PUT', `/api/v1/shops/${data.tmallId}/standard-answers`, body)).statusCode).toBe(200);
    const after = (await call('agent1', 'GET', `/api/v1/shops/${data.tmallId}/standard-answers`)).json();
    expect(after.items.find((a: { intent: string }) => a.intent === 'ship_time').variants).toEqual(body.items[0]!.variants);
    expect((await call('supervisor', 'PUT', `/api/v1/shops/${data.tmallId}/standard-answers`, { items: [{ intent: 'nope', variants: ['x'] }] })).statusCode).toBe(400);
    // Situation keys of the bot's library (intent.situation) are answers too.
    const situation = { items: [{ intent: 'stock.in', variants: ['有货的亲，{item.title}现在就能拍'] }] };
    expect((await call('supervisor', 'PUT', `/api/v1/shops/${data.tmallId}/standard-answers`, situation)).statusCode).toBe(200);
  });

  it('O5 items and stock: upsert by SKU and variant', async () => {
    const url = `/api/v1/shops/${data.tmallId}/items`;
    expect((await call('supervisor', 'PUT', url, { items: [{ sku: 'WY-2026', variants: [{ colour: '黑色', size: 'XL', stock: 7 }] }] })).statusCode).toBe(200);
    expect((await call('supervisor', 'PUT', url, { items: [{ sku: 'NEW-1' }] })).statusCode).toBe(400);
    const items = (await call('agent1', 'GET', url)).json().items;
    const hoodie = items.find((i: { sku: string }) => i.sku === 'WY-2026');
    expect(hoodie.variants.find((v: { colour: string; size: string }) => v.colour === '黑色' && v.size === 'XL').stock).toBe(7);
  });

  it('C7 promotions are replaced as a list; P1 rule overrides are validated against the merged profile', async () => {
    const url = `/api/v1/shops/${data.tmallId}/promotions`;
    expect((await call('supervisor', 'PUT', url, { items: [{ kind: 'gift', text: '送运费险' }] })).statusCode).toBe(200);
    expect((await call('agent1', 'GET', url)).json().items.map((p: { text: string }) => p.text)).toEqual(['送运费险']);
    const rules = `/api/v1/shops/${data.tmallId}/rule-overrides`;
    expect((await call('supervisor', 'PUT', rules, { overrides: {} })).statusCode).toBe(403);
    expect((await call('admin', 'PUT', rules, { overrides: { platform: 'jd' } })).statusCode).toBe(400);
    expect((await call('admin', 'PUT', rules, { overrides: {} })).statusCode).toBe(200);
  });

  it('agents and API tokens: admin only; a new token is shown once and can be revoked', async () => {
    expect((await call('agent1', 'GET', '/api/v1/agents')).statusCode).toBe(403);
    const agents = (await call('supervisor', 'GET', '/api/v1/agents')).json().items;
    expect(agents.map((a: { login: string }) => a.login)).toContain('agent2');
    expect(JSON.stringify(agents)).not.toContain('passwordHash');
    const created = await call('admin', 'POST', '/api/v1/agents', { login: 'agent3', displayName: '客服 小新', password: 'dxe-demo-3', shopIds: [data.tmallId] });
    expect(created.statusCode).toBe(201);
    expect((await call('admin', 'POST', '/api/v1/agents', { login: 'agent3', displayName: 'x', password: 'dxe-demo-3' })).statusCode).toBe(409);
    const tok = await call('admin', 'POST', '/api/v1/api-tokens', { name: '淘宝桥接', shopId: data.tmallId });
    expect(tok.statusCode).toBe(201);
    expect(tok.json().token).toMatch(/^dxt_/);
    const list = (await call('admin', 'GET', '/api/v1/api-tokens')).json().items;
    expect(JSON.stringify(list)).not.toContain(tok.json().token);
    // The token works (and its principal is now cached)…
    const probe = () => app.inject({ method: 'GET', url: `/api/v1/shops/${data.tmallId}/conversations/x/messages`, headers: { authorization: `Bearer ${tok.json().token}` } });
    expect((await probe()).statusCode).toBe(404);
    expect((await call('admin', 'DELETE', `/api/v1/api-tokens/${tok.json().id}`)).statusCode).toBe(200);
    // …and stops working the moment it is revoked, cache or not.
    expect((await probe()).statusCode).toBe(401);
    expect((await call('admin', 'DELETE', `/api/v1/api-tokens/${tok.json().id}`)).statusCode).toBe(404);
  });

  it('the web UI is served at / with SPA fallback; unknown /api paths stay JSON 404', async () => {
    const page = await app.inject({ method: 'GET', url: '/inbox/some-id' });
    expect([200, 503]).toContain(page.statusCode);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toMatch(/店小二/);
    const api = await app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });
});
