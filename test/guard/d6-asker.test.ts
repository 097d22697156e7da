// D6 wiring (issue 11): the guard is told whether the chat partner placed the order under
// discussion — derived from the conversation's buyer and the order's buyer — instead of always
// "yes". An agent (or the bot) reading out another account's order is blocked; the buyer's own
// order is not. Real store (PGlite; PostgreSQL when DATABASE_URL is set).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/app/auth/auth.js';
import { checkDraft } from '../../src/app/conversations/check-draft.js';
import { askerIsBuyerFor } from '../../src/app/conversations/guard-reply.js';
import { sendReply } from '../../src/app/conversations/send-reply.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { DxeError } from '../../src/core/errors.js';
import type { Database } from '../../src/store/open-database.js';
import { buyers, conversations, messages, orders } from '../../src/store/schema/index.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { seedConversation, seedWorld, type World } from '../helpers/fixtures.js';

const NOW = new Date('2026-11-11T02:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const leak = (no: string) => `这个订单已经发货了，收件人是张三，快递单号是SF${no.slice(-13)}`;

describe(`D6: the asker and the order under discussion (${databaseLabel})`, () => {
  let database: Database;
  let w: World;
  let agent: Principal;
  beforeAll(async () => {
    database = await openTestDatabase();
    w = await seedWorld(database);
    agent = { kind: 'agent', agentId: w.agentA.id, orgId: w.orgId, role: 'agent', displayName: '客服小美', shopIds: [w.shopA] } as Principal;
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A conversation whose buyer asks about order `no`, placed by `owner` ('self', 'other' or an account name only). */
  async function askAbout(no: string, owner: 'self' | 'other' | { account: string } | 'nobody') {
    const conversationId = await seedConversation(database, {
      shopId: w.shopA, status: 'assigned', incoming: [{ text: `帮我查下订单${no}到哪了`, at: ago(60) }],
    });
    const [c] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    const [other] = await database.db.insert(buyers).values({ shopId: w.shopA, platformAccount: `other-${no}` }).returning();
    const ownerFields =
      owner === 'self' ? { buyerId: c!.buyerId }
        : owner === 'other' ? { buyerId: other!.id, buyerAccount: other!.platformAccount }
          : owner === 'nobody' ? {}
            : { buyerAccount: owner.account };
    await database.db.insert(orders).values({
      shopId: w.shopA, platformOrderNo: no, state: '卖家已发货，等待买家确认', totalFen: 9900, orderedAt: ago(86_400),
      trackingNo: `SF${no.slice(-13)}`, receiverName: '张三', ...ownerFields,
    });
    return { conversationId, buyerId: c!.buyerId };
  }

  const send = (conversationId: string, text: string) =>
    sendReply({ database, bus: createLocalBus(), now: NOW }, { conversationId, text, author: { kind: 'agent', id: w.agentA.id }, principal: agent });

  it('an agent reading out another account’s order is blocked (was sent before: askerIsBuyer was always true)', async () => {
    const { conversationId } = await askAbout('4001000000000000001', 'other');
    const err = await send(conversationId, leak('4001000000000000001')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DxeError);
    expect((err as DxeError).code).toBe('REPLY_BLOCKED');
    expect((err as DxeError).message).toContain('泄露买家信息');
    expect((err as DxeError).message).toContain('扣 6 分'); // Tmall's points for D6 (rules/tmall.yaml)
    const out = await database.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(out.filter((m) => m.direction === 'out')).toHaveLength(0);
  });

  it('the draft check says the same while the agent types', async () => {
    const { conversationId } = await askAbout('4001000000000000002', 'other');
    const v = await checkDraft(database, agent, { text: leak('4001000000000000002'), shopId: w.shopA, conversationId });
    expect(v.verdict).toBe('block');
    expect(v.violations.map((x) => x.rule)).toContain('D6');
  });

  it('the same words about the buyer’s own order go out', async () => {
    const { conversationId } = await askAbout('4001000000000000003', 'self');
    const r = await send(conversationId, leak('4001000000000000003'));
    expect(r.verdict.violations.map((x) => x.rule)).not.toContain('D6');
    expect(r.messages.length).toBeGreaterThan(0);
  });

  it('an order known only by account name is the buyer’s when the account matches', async () => {
    const { conversationId, buyerId } = await askAbout('4001000000000000004', { account: 'placeholder' });
    const [b] = await database.db.select().from(buyers).where(eq(buyers.id, buyerId));
    await database.db.update(orders).set({ buyerAccount: b!.platformAccount }).where(eq(orders.platformOrderNo, '4001000000000000004'));
    const [c] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(await askerIsBuyerFor(database, c!, ['订单4001000000000000004'])).toBe(true);
    await database.db.update(orders).set({ buyerAccount: 'someone-else' }).where(eq(orders.platformOrderNo, '4001000000000000004'));
    expect(await askerIsBuyerFor(database, c!, ['订单4001000000000000004'])).toBe(false);
  });

  it('an order that names no account cannot be confirmed with anyone', async () => {
    const { conversationId } = await askAbout('4001000000000000005', 'nobody');
    const [c] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(await askerIsBuyerFor(database, c!, ['订单4001000000000000005'])).toBe(false);
  });

  it('no order named: the conversation’s own orders are under discussion', async () => {
    const { conversationId } = await askAbout('4001000000000000006', 'other');
    const [c] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(await askerIsBuyerFor(database, c!, ['在吗', '亲，在的'])).toBe(true);
    // The last order named decides: another account's, then the buyer's own tracking number.
    await database.db.insert(orders).values({ shopId: w.shopA, platformOrderNo: '4001000000000000007', state: '卖家已发货，等待买家确认', buyerId: c!.buyerId, trackingNo: 'YT9999999999999' });
    expect(await askerIsBuyerFor(database, c!, ['订单4001000000000000006', '我自己的单号 YT9999999999999'])).toBe(true);
    expect(await askerIsBuyerFor(database, c!, ['YT9999999999999', '还有 4001000000000000006'])).toBe(false);
  });
});
