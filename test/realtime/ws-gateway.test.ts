// Agents' realtime gateway over real sockets: shop scoping, global sequence numbers, catch-up on
// resume with no loss and no duplicates, typing, ping/pong, hostile frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/store/open-database.js';
import { openTestDatabase, databaseLabel } from '../helpers/database.js';
import { seedConversation, seedWorld, tokenFor, type World } from '../helpers/fixtures.js';
import { TestSocket, pause, type Frame, openAgentSocket } from './ws-client.js';

describe(`agent WebSocket gateway (${databaseLabel}, local bus)`, () => {
  let database: Database;
  let app: FastifyInstance;
  let w: World;
  let base: string;
  const tokens: Record<string, string> = {};
  const sockets: TestSocket[] = [];
  const connect = async (who: string) => {
    const s = await openAgentSocket(base, tokens[who]!);
    sockets.push(s);
    await s.waitFor((f) => f.some((x) => x.type === 'ready'));
    return s;
  };
  const publish = (shopId: string, i: number) => app.ctx.bus.publish({ type: 'shop.changed', shopId, data: { what: String(i) } });
  const seqOf = (frames: Frame[]) => frames.filter((f) => f.seq !== undefined).map((f) => f.seq!);

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database, config: loadConfig({}), logger: false });
    w = await seedWorld(database);
    for (const k of ['agentA', 'agentB', 'supervisor'] as const) tokens[k] = await tokenFor(app, w[k].login);
    const addr = await app.listen({ port: 0, host: '127.0.0.1' });
    base = addr.replace('http', 'ws');
  });
  afterAll(async () => {
    for (const s of sockets) s.raw.terminate();
    await app?.close();
    await database?.close();
  });

  it('A8 (issue 15): a rates.alert reaches supervisors of the shop, not agents', async () => {
    const a = await connect('agentA');
    const sup = await connect('supervisor');
    await app.ctx.bus.publish({
      type: 'rates.alert', shopId: w.shopA,
      data: { month: '2026-11', itemId: null, title: '全店', kind: 'dispute', messageZh: '纠纷退款率 5.00‰，已达 4‰，商品可能被降权', disputePerMille: 5, refundRate: 0.01 },
    });
    await publish(w.shopA, 99); // a later event the agent does get, so its silence is not a timing accident
    await sup.waitFor((f) => f.some((x) => x.type === 'rates.alert'));
    await a.waitFor((f) => f.some((x) => x.type === 'shop.changed' && (x.data as { what: string }).what === '99'));
    expect(sup.ofType('rates.alert').map((f) => (f.data as { kind: string }).kind)).toEqual(['dispute']);
    expect(a.ofType('rates.alert')).toEqual([]);
  });

  it('refuses a socket without a valid token', async () => {
    await expect(openAgentSocket(base, 'dxs_nope')).rejects.toThrow(/401/);
    await expect(TestSocket.open(`${base}/api/v1/ws`)).rejects.toThrow(/401/);
  });

  it('delivers an event only to connections that may see its shop, with a global seq', async () => {
    const a = await connect('agentA');
    const b = await connect('agentB');
    const sup = await connect('supervisor');
    await publish(w.shopA, 1);
    await publish(w.shopB, 2);
    await sup.waitFor((f) => f.filter((x) => x.type === 'shop.changed').length === 2);
    await a.waitFor((f) => f.some((x) => x.type === 'shop.changed'));
    await pause(100);
    expect(a.ofType('shop.changed').map((f) => f.data)).toEqual([{ what: '1' }]);
    expect(b.ofType('shop.changed').map((f) => f.data)).toEqual([{ what: '2' }]);
    const [s1, s2] = seqOf(sup.ofType('shop.changed'));
    expect(s2).toBe(s1! + 1);
    expect(a.ofType('shop.changed')[0]!.seq).toBe(s1);
  });

  it('catch-up: a reconnecting screen gets every missed event once, in order, while traffic continues', async () => {
    const first = await connect('agentA');
    for (let i = 0; i < 5; i++) await publish(w.shopA, 100 + i);
    await first.waitFor((f) => f.filter((x) => x.type === 'shop.changed').length === 5);
    const lastSeen = Math.max(...seqOf(first.frames));
    await first.close();
    // Missed while away, interleaved with another shop's events the agent must never get.
    for (let i = 0; i < 20; i++) await publish(i % 3 ? w.shopA : w.shopB, 200 + i);
    const second = await openAgentSocket(base, tokens.agentA!);
    sockets.push(second);
    // Live events published before the client's resume frame arrives are held, not sent first.
    await publish(w.shopA, 299);
    // Live traffic keeps flowing while the resume is answered.
    const live = (async () => {
      for (let i = 0; i < 20; i++) {
        await publish(w.shopA, 300 + i);
        if (i % 4 === 0) await pause(1);
      }
    })();
    second.send({ type: 'resume', afterSeq: lastSeen });
    await live;
    const expected = [
      ...Array.from({ length: 20 }, (_, i) => 200 + i).filter((_, i) => i % 3 !== 0),
      299,
      ...Array.from({ length: 20 }, (_, i) => 300 + i),
    ];
    await second.waitFor((f) => f.filter((x) => x.type === 'shop.changed').length >= expected.length);
    await pause(150);
    const got = second.ofType('shop.changed');
    const seqs = seqOf(got);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((s) => s > lastSeen)).toBe(true);
    // Strictly increasing: a client that drops frames with seq ≤ the last it saw loses nothing.
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(got.map((f) => Number(f.data.what)).sort((x: number, y: number) => x - y)).toEqual(expected);
    expect(got.every((f) => f.shopId === w.shopA)).toBe(true);
    expect(second.ofType('resumed')).toHaveLength(1);
  });

  it('typing reaches the other agents of the shop, not the typist; ping answers pong', async () => {
    const convId = await seedConversation(database, { shopId: w.shopA, incoming: [{ text: '在吗', at: new Date() }] });
    const a = await connect('agentA');
    const sup = await connect('supervisor');
    const b = await connect('agentB');
    a.send({ type: 'typing', conversationId: convId });
    const t = await sup.next('typing');
    expect(t.data).toMatchObject({ conversationId: convId, agentId: w.agentA.id, displayName: '客服小美' });
    a.send({ type: 'ping' });
    await a.next('pong');
    await pause(100);
    expect(a.ofType('typing')).toHaveLength(0);
    expect(b.ofType('typing')).toHaveLength(0);
    // Another shop's conversation: refused with a Chinese error frame.
    const other = await seedConversation(database, { shopId: w.shopB, incoming: [{ text: '在吗', at: new Date() }] });
    a.send({ type: 'typing', conversationId: other });
    expect((await a.next('error')).data).toMatchObject({ code: 'NOT_FOUND', message: '找不到该会话' });
  });

  it('hostile frames get Chinese error frames and the socket stays usable; oversize frames close it', async () => {
    const a = await connect('agentA');
    a.send('{not json');
    expect((await a.next('error')).data.code).toBe('MALFORMED_JSON');
    a.send({ type: 'resume', afterSeq: -3 });
    expect((await a.next('error')).data.message).toMatch(/[\u4e00-\u9fff]/);
    a.send({ type: 'hack' });
    await a.next('error');
    a.send({ type: 'ping' });
    await a.next('pong');
    a.send('x'.repeat(200 * 1024));
    await a.waitFor(() => a.closed);
    expect(a.closeCode).toBe(1009);
  });

  it('a screen away longer than the kept log is told to reload (resync) and still gets what is kept', async () => {
    const before = await app.ctx.bus.publish({ type: 'shop.changed', shopId: w.shopA, data: { what: '-1' } }).then(async () => {
      const s = await connect('agentA');
      return (await s.first('ready')).data.lastSeq as number;
    });
    for (let i = 0; i < 5100; i++) await publish(w.shopA, i);
    const s = await connect('agentA');
    s.send({ type: 'resume', afterSeq: before });
    const resync = await s.first('resync');
    expect(resync.data.message).toMatch(/刷新/);
    await s.first('resumed', 15_000);
    const got = s.ofType('shop.changed');
    expect(got.length).toBe(5000);
    expect(got[got.length - 1]!.data).toEqual({ what: '5099' });
  });
});
