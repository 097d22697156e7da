import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, databaseLabel } from '../../test/helpers/database.js';
import type { Database } from './open-database.js';
import { migrateDatabase, openDatabase } from './open-database.js';
import { organisations, shops, buyers, conversations, messages } from './schema/index.js';

describe(`store on ${databaseLabel}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('re-running migrations is safe (issue 2 §5)', async () => {
    await migrateDatabase(database);
    await migrateDatabase(database);
    const rows = await database.query<{ n: number }>('select count(*)::int as n from organisations');
    expect(rows[0]?.n).toBe(0);
  });

  it('round-trips an organisation, shop, buyer, conversation and message', async () => {
    const { db } = database;
    const [org] = await db.insert(organisations).values({ name: '测试公司' }).returning();
    const [shop] = await db
      .insert(shops)
      .values({ orgId: org!.id, platform: 'tmall', name: '天猫旗舰店', settings: { shipCutoff: '16:00' } })
      .returning();
    const [buyer] = await db
      .insert(buyers)
      .values({ shopId: shop!.id, platformAccount: 'tb_小明', tags: ['VIP'] })
      .returning();
    const [conv] = await db
      .insert(conversations)
      .values({ shopId: shop!.id, buyerId: buyer!.id, channel: 'widget' })
      .returning();
    await db.insert(messages).values({
      shopId: shop!.id,
      conversationId: conv!.id,
      seq: 1,
      direction: 'in',
      authorKind: 'buyer',
      text: '亲，这款还有L码吗？',
      channelMessageId: 'm-1',
    });
    const got = await db.select().from(messages).where(eq(messages.conversationId, conv!.id));
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toBe('亲，这款还有L码吗？');
    const [s] = await db.select().from(shops).where(eq(shops.id, shop!.id));
    expect(s!.settings).toEqual({ shipCutoff: '16:00' });
    const [b] = await db.select().from(buyers).where(eq(buyers.id, buyer!.id));
    expect(b!.tags).toEqual(['VIP']);
  });

  it('a channel message id is unique per shop', async () => {
    const { db } = database;
    const [shop] = await db.select().from(shops).limit(1);
    const [conv] = await db.select().from(conversations).limit(1);
    await expect(
      db.insert(messages).values({
        shopId: shop!.id,
        conversationId: conv!.id,
        seq: 2,
        direction: 'in',
        authorKind: 'buyer',
        text: 'again',
        channelMessageId: 'm-1',
      }),
    ).rejects.toThrow();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connection lost while idle', () => {
  it('a pooled connection the server ends does not crash the process; the next query reconnects', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2, migrate: false });
    try {
      const pid = (await database.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
      const killer = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 1, migrate: false });
      try {
        // The server ends the idle connection, as a restart or a `drop database … with (force)` does.
        await killer.query('select pg_terminate_backend($1)', [pid]);
      } finally {
        await killer.close();
      }
      await new Promise((r) => setTimeout(r, 200));
      const again = await database.query<{ one: number }>('select 1 as one');
      expect(again[0]!.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});

