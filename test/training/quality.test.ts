// 质检: closed real chats are scored by the practice report's measures (stored guard verdicts with
// their points, reply times against the platform target, flow steps, empathy on complaints); the
// supervisor's sample puts violations and complaints first; agents cannot read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { conversations, messages } from '../../src/store/schema/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedConversation, seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const at = (min: number, sec = 0) => new Date(NOW.getTime() - min * 60_000 + sec * 1000);

describe('quality checks on closed real chats (质检)', () => {
  let database: Database;
  let app: FastifyInstance;
  let world: World;
  let bad = '';
  let good = '';

  async function chat(lines: { author: 'buyer' | 'agent'; text: string; at: Date; intent?: string; verdict?: object }[]) {
    const first = lines[0]!;
    const id = await seedConversation(database, { shopId: world.shopA, status: 'closed', incoming: [{ text: first.text, at: first.at }] });
    let seq = 1;
    for (const l of lines.slice(1)) {
      seq += 1;
      await database.db.insert(messages).values({
        shopId: world.shopA, conversationId: id, seq, direction: l.author === 'buyer' ? 'in' : 'out', authorKind: l.author,
        authorId: l.author === 'agent' ? world.agentA.id : null, text: l.text, intent: l.intent ?? null, guardVerdict: l.verdict ?? null, createdAt: l.at,
      });
    }
    await database.db.update(messages).set({ intent: first.intent ?? null }).where(eq(messages.conversationId, id));
    await database.db.update(conversations).set({ closedAt: at(1), assigneeId: world.agentA.id, lastSeq: seq }).where(eq(conversations.id, id));
    return id;
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    world = await seedWorld(database);
    good = await chat([
      { author: 'buyer', text: '这件有M码吗', at: at(30) },
      { author: 'agent', text: '亲，您好，M码有货的，请问您平时穿什么码？', at: at(30, 8) },
      { author: 'buyer', text: '好的我拍了', at: at(29) },
      { author: 'agent', text: '感谢您的支持，祝您购物愉快', at: at(29, 10) },
    ]);
    bad = await chat([
      { author: 'buyer', text: '你们质量太差了，我要投诉', at: at(20), intent: 'complaint' },
      {
        author: 'agent', text: '加我微信 xiaoer8888 私聊', at: at(18),
        verdict: { verdict: 'block', violations: [{ rule: 'D2', title: '泄露联系方式或站外链接', severity: 'block', points: 0, message: '【D2】…' }], promises: [] },
      },
    ]);
    app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => NOW, logger: false });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the supervisor sample puts the chat with a violation and a complaint first, with its deductions', async () => {
    const token = await tokenFor(app, world.supervisor.login);
    const res = await app.inject({ method: 'GET', url: '/api/v1/training/quality?days=7', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.scored).toBe(2);
    expect(view.sample[0].conversationId).toBe(bad);
    const kinds = view.sample[0].deductions.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['violation', 'slow', 'empathy', 'flow']));
    expect(view.sample[0].complained).toBe(true);
    const clean = view.sample.find((r: { conversationId: string }) => r.conversationId === good);
    expect(clean.score).toBe(100);
    expect(view.agents[0]).toMatchObject({ agentId: world.agentA.id, chats: 2 });
  });

  it('an agent may not read the quality sample', async () => {
    const token = await tokenFor(app, world.agentA.login);
    const res = await app.inject({ method: 'GET', url: '/api/v1/training/quality', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(403);
  });
});
