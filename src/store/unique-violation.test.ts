import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseLabel, openTestDatabase } from '../../test/helpers/database.js';
import type { Database } from './open-database.js';
import { organisations, shops } from './schema/index.js';
import { isUniqueViolation } from './unique-violation.js';

describe(`isUniqueViolation on ${databaseLabel}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const failure = async (write: () => Promise<unknown>): Promise<unknown> => {
    try {
      await write();
    } catch (err) {
      return err;
    }
    throw new Error('the write should have failed');
  };

  it('recognises a duplicate key from the real driver, however drizzle wraps it', async () => {
    const [org] = await database.db.insert(organisations).values({ name: '唯一性测试' }).returning();
    const duplicate = await failure(() => database.db.insert(organisations).values({ id: org!.id, name: '重复' }));
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(new Error('同步失败', { cause: duplicate }))).toBe(true);
  });

  it('is false for other database errors and for anything else', async () => {
    const missingShopOrg = await failure(() =>
      database.db.insert(shops).values({ orgId: '00000000-0000-0000-0000-000000000000', platform: 'tmall', name: 'x', settings: {} }),
    );
    expect(isUniqueViolation(missingShopOrg)).toBe(false); // a foreign key, 23503
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
    const loop: { code: string; cause?: unknown } = { code: 'x' };
    loop.cause = loop;
    expect(isUniqueViolation(loop)).toBe(false);
  });
});
