// The embedded database on its own thread (issue 9, throughput) behaves like PGlite in process:
// drizzle reads and writes through it, a transaction is alone on the session until it ends, a
// failed transaction leaves nothing, the engine's error codes survive the thread boundary (the
// unique-violation check relies on them), and data written before close is there on reopen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './open-database.js';
import * as t from './schema/index.js';
import { isUniqueViolation } from './unique-violation.js';

describe('PGlite on its own thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dxe-thread-'));
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: dir, thread: true });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs drizzle queries, raw queries and the simple protocol', async () => {
    await database.db.insert(t.organisations).values({ id: 'org-th', name: '线程测试' });
    const rows = await database.db.select().from(t.organisations).where(eq(t.organisations.id, 'org-th'));
    expect(rows).toEqual([expect.objectContaining({ id: 'org-th', name: '线程测试' })]);
    expect(await database.query<{ n: number }>('select $1::int + 1 as n', [41])).toEqual([{ n: 42 }]);
    expect(await database.simpleQuery!<{ s: string }>("select 'a''b' as s")).toEqual([{ s: "a'b" }]);
  });

  it('keeps a statement from outside out of an open transaction', async () => {
    const order: string[] = [];
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = database.db.transaction(async (trx) => {
      await trx.insert(t.organisations).values({ id: 'org-tx', name: '事务中' });
      inside();
      // Give the outside statement every chance to slip in.
      await new Promise((r) => setTimeout(r, 50));
      order.push('tx-end');
      throw new Error('roll back');
    });
    await entered;
    const outside = database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(t.organisations)
      .where(eq(t.organisations.id, 'org-tx'))
      .then((r) => {
        order.push('outside');
        return r[0]!.n;
      });
    await expect(tx).rejects.toThrow('roll back');
    // The outside read ran after the rollback: it never saw the uncommitted row.
    expect(await outside).toBe(0);
    expect(order).toEqual(['tx-end', 'outside']);
  });

  it('passes the engine error code through (unique violation)', async () => {
    const err = await database.db
      .insert(t.organisations)
      .values({ id: 'org-th', name: '重复' })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
  });

  it('keeps what was committed across close and reopen', async () => {
    await database.close();
    database = await openDatabase({ dataDir: dir, thread: true });
    const rows = await database.db.select().from(t.organisations).where(eq(t.organisations.id, 'org-th'));
    expect(rows).toHaveLength(1);
  }, 120_000);
});
