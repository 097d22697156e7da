// Test data written straight into the real store: an organisation with two shops, agents of every
// role, buyers and conversations with buyer messages at given times.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/app/auth/auth.js';
import type { Database } from '../../src/store/open-database.js';
import { agents, agentShops, buyers, conversations, messages, organisations, shops } from '../../src/store/schema/index.js';

export const PASSWORD = 'test-密码-123';

export interface World {
  orgId: string;
  shopA: string;
  shopB: string;
  agentA: { id: string; login: string };
  agentB: { id: string; login: string };
  supervisor: { id: string; login: string };
  admin: { id: string; login: string };
}

export async function seedWorld(database: Database, opts: { platformA?: string; settingsA?: object } = {}): Promise<World> {
  const { db } = database;
  const tag = randomBytes(3).toString('hex');
  const [org] = await db.insert(organisations).values({ name: `测试公司${tag}` }).returning();
  const [a] = await db.insert(shops).values({
    orgId: org!.id, platform: opts.platformA ?? 'tmall', name: '小美女装旗舰店', settings: opts.settingsA ?? { freeShipping: true },
  }).returning();
  const [b] = await db.insert(shops).values({ orgId: org!.id, platform: 'jd', name: '京东数码专营店' }).returning();
  const passwordHash = await hashPassword(PASSWORD);
  const mk = async (login: string, role: 'admin' | 'supervisor' | 'agent', name: string, shopIds: string[]) => {
    const [row] = await db.insert(agents).values({
      orgId: org!.id, login: `${login}-${tag}`, displayName: name, role, passwordHash, agentNo: login, presence: 'online',
    }).returning();
    for (const shopId of shopIds) await db.insert(agentShops).values({ agentId: row!.id, shopId });
    return { id: row!.id, login: row!.login };
  };
  return {
    orgId: org!.id,
    shopA: a!.id,
    shopB: b!.id,
    agentA: await mk('a1', 'agent', '客服小美', [a!.id]),
    agentB: await mk('b1', 'agent', '客服小京', [b!.id]),
    supervisor: await mk('sup', 'supervisor', '店长老王', []),
    admin: await mk('adm', 'admin', '管理员', []),
  };
}

export async function tokenFor(app: FastifyInstance, login: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return (res.json() as { token: string }).token;
}

export interface ConversationSeed {
  shopId: string;
  account?: string;
  buyer?: { nickname?: string; phone?: string; address?: string };
  status?: 'bot' | 'queued' | 'assigned' | 'closed';
  /** Buyer messages (text, time) in order. */
  incoming: { text: string; at: Date }[];
  /** When set, an outgoing reply at this time follows the first buyer message. */
  answeredAt?: Date;
  channel?: string;
}

export async function seedConversation(database: Database, s: ConversationSeed): Promise<string> {
  const { db } = database;
  const [buyer] = await db.insert(buyers).values({
    shopId: s.shopId, platformAccount: s.account ?? `buyer-${randomBytes(3).toString('hex')}`,
    nickname: s.buyer?.nickname ?? '买家', phone: s.buyer?.phone ?? null, address: s.buyer?.address ?? null,
  }).returning();
  const first = s.incoming[0]!.at;
  const [c] = await db.insert(conversations).values({
    shopId: s.shopId, buyerId: buyer!.id, channel: s.channel ?? 'bridge', status: s.status ?? 'queued',
    firstBuyerMessageAt: first, firstResponseAt: s.answeredAt ?? null, createdAt: first,
  }).returning();
  const rows: { text: string; at: Date; out: boolean }[] = [];
  s.incoming.forEach((m, i) => {
    rows.push({ ...m, out: false });
    if (i === 0 && s.answeredAt) rows.push({ text: '亲，您好，在的哦~', at: s.answeredAt, out: true });
  });
  rows.sort((x, y) => x.at.getTime() - y.at.getTime());
  let seq = 0;
  for (const r of rows) {
    seq += 1;
    await db.insert(messages).values({
      shopId: s.shopId, conversationId: c!.id, seq, direction: r.out ? 'out' : 'in', authorKind: r.out ? 'bot' : 'buyer',
      text: r.text, createdAt: r.at,
    });
  }
  const last = rows[rows.length - 1]!.at;
  await db.update(conversations).set({ lastSeq: seq, lastMessageAt: last, lastBuyerMessageAt: last }).where(eq(conversations.id, c!.id));
  return c!.id;
}
