// The web-chat widget as a real channel over real sockets: script and demo page, buyer message →
// bot reply, agent reply pushed to the buyer, history on return visits, idempotent resends,
// hostile input answered with Chinese error frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/store/open-database.js';
import { messages, shops } from '../../src/store/schema/index.js';
import { openTestDatabase, databaseLabel } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';
import { TestSocket, pause, type Frame, openAgentSocket } from './ws-client.js';

describe(`web-chat widget channel (${databaseLabel})`, () => {
  let database: Database;
  let app: FastifyInstance;
  let w: World;
  let base: string;
  let agentToken: string;
  const sockets: TestSocket[] = [];
  const visitor = 'v_test_0001abcd';
  const buyerWs = async (v = visitor, shop?: string) => {
    const s = await TestSocket.open(`${base}/widget/${shop ?? w.shopA}/ws?visitor=${v}`);
    sockets.push(s);
    return s;
  };
  const texts = (frames: Frame[], kind?: string) =>
    frames.filter((f) => f.type === 'message' && (!kind || f.authorKind === kind)).map((f) => f.text as string);

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database, config: loadConfig({}), logger: false });
    w = await seedWorld(database);
    await database.db.update(shops).set({ name: '小美<script>alert(1)</script>女装' }).where(eq(shops.id, w.shopA));
    agentToken = await tokenFor(app, w.agentA.login);
    base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  });
  afterAll(async () => {
    for (const s of sockets) s.raw.terminate();
    await app?.close();
    await database?.close();
  });

  it('serves the script and a demo page with the shop name escaped', async () => {
    const js = await app.inject({ url: '/widget/widget.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toContain('textContent');
    expect(js.body).not.toContain('innerHTML');
    const page = await app.inject({ url: `/widget/${w.shopA}/demo` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('小美&lt;script&gt;alert(1)&lt;/script&gt;女装');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain(`data-shop="${w.shopA}"`);
    expect((await app.inject({ url: '/widget/no-such-shop/demo' })).statusCode).toBe(404);
  });

  it('round trip: a buyer message reaches the bot and agents; the bot reply comes back; two tabs both see it', async () => {
    const agent = await openAgentSocket(base, agentToken);
    sockets.push(agent);
    const tab1 = await buyerWs();
    const tab2 = await buyerWs();
    await tab1.first('ready');
    tab1.send({ type: 'message', clientId: 'c1', text: '在吗？' });
    await tab1.next('ack', 20_000);
    await tab1.waitFor((f) => texts(f, 'bot').length > 0, 20_000);
    const mine = tab1.frames.find((f) => f.type === 'message' && f.authorKind === 'buyer');
    expect(mine).toMatchObject({ text: '在吗？', clientId: 'c1', seq: 1 });
    await tab2.waitFor((f) => texts(f, 'bot').length > 0);
    expect(texts(tab2.frames)).toEqual(texts(tab1.frames));
    await agent.waitFor((f) => f.some((x) => x.type === 'message.created' && x.data.message.authorKind === 'bot'));
    const buyerEvent = agent.frames.find((x) => x.type === 'message.created' && x.data.message.authorKind === 'buyer');
    expect(buyerEvent?.shopId).toBe(w.shopA);
  });

  it('issue 12: on a product page the widget names the item, and the message carries it', async () => {
    const s = await buyerWs('v_item_0001abcd');
    await s.first('ready');
    s.send({ type: 'message', clientId: 'i1', text: '这件有L码吗', item: 'ITEM-42' });
    await s.next('ack', 20_000);
    const [row] = await database.db.select().from(messages).where(eq(messages.text, '这件有L码吗'));
    expect(row?.itemRef).toBe('ITEM-42');
    const js = await app.inject({ url: '/widget/widget.js' });
    expect(js.body).toContain("getAttribute('data-item')");
  });

  it('an agent reply is pushed to the buyer; a return visit gets the history; a resend is stored once', async () => {
    const tab = await buyerWs();
    await tab.waitFor((f) => texts(f).length >= 2);
    const conversationId = (await database.db.select().from(messages).where(eq(messages.channelMessageId, `widget:${visitor}:c1`)))[0]!.conversationId;
    const res = await app.inject({
      method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${agentToken}` }, payload: { text: '亲，我是客服小美，有什么可以帮您的吗？' },
    });
    expect(res.statusCode).toBe(201);
    await tab.waitFor((f) => texts(f, 'agent').length === 1);
    expect(texts(tab.frames, 'agent')).toEqual(['亲，我是客服小美，有什么可以帮您的吗？']);
    // Return visit: a fresh socket with the same visitor id gets the whole conversation.
    const back = await buyerWs();
    await back.waitFor((f) => texts(f, 'agent').length === 1);
    expect(texts(back.frames)[0]).toBe('在吗？');
    // The widget resends unconfirmed messages after a reconnect: same clientId, stored once.
    const before = (await database.db.select().from(messages).where(eq(messages.conversationId, conversationId))).length;
    back.send({ type: 'message', clientId: 'c1', text: '在吗？' });
    await back.next('ack');
    await pause(100);
    const after = (await database.db.select().from(messages).where(eq(messages.conversationId, conversationId))).length;
    expect(after).toBe(before);
    const ids = back.frames.filter((f) => f.type === 'message').map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hostile input: Chinese error frames, the socket stays usable; oversize frames close it', async () => {
    const s = await buyerWs('v_hostile_99');
    await s.first('ready');
    s.send('{"type":"message",');
    expect((await s.next('error')).message).toBe('消息格式有误，请刷新页面后重试');
    s.send({ type: 'message', clientId: 'x1', text: '长'.repeat(1500) });
    expect((await s.next('error')).code).toBe('PAYLOAD_TOO_LARGE');
    s.send({ type: 'message', clientId: '<img src=x>', text: 'hi' });
    expect((await s.next('error')).code).toBe('VALIDATION_FAILED');
    s.send({ type: 'message', clientId: 'x2', text: '   ' });
    expect((await s.next('error')).message).toBe('消息内容不能为空');
    // Found walking the product: a NUL pasted into a message lost the whole message (INTERNAL).
    s.send({ type: 'message', clientId: 'x3', text: '\u0000\u202e反转文字\ud800' });
    await s.next('ack');
    s.send({ type: 'message', clientId: 'x4', text: '\u0000' });
    expect((await s.next('error')).message).toBe('消息内容不能为空');
    s.send({ type: 'ping' });
    await s.next('pong');
    s.send('x'.repeat(100 * 1024));
    await s.waitFor(() => s.closed);
    expect(s.closeCode).toBe(1009);
  });

  it('unknown shop and bad visitor ids are refused with a 44xx close code', async () => {
    const unknown = await buyerWs(visitor, 'no-such-shop');
    await unknown.waitFor(() => unknown.closed);
    expect(unknown.closeCode).toBe(4404);
    expect(unknown.ofType('error')[0]?.message).toBe('店铺不存在或已停用');
    const bad = await buyerWs('x');
    await bad.waitFor(() => bad.closed);
    expect(bad.closeCode).toBe(4400);
  });
});
