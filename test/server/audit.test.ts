import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../src/app/audit/audit-log.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';

describe(`audit log hash chain on ${databaseLabel} (issue 2 §5, A11)`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('chains rows and detects a changed row', async () => {
    const at = new Date('2026-11-23T08:00:00Z');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        appendAudit(database, { orgId: 'o1', at, actorKind: 'agent', actorId: `a${i}`, action: 'reply.override', data: { i } }),
      ),
    );
    expect(await verifyAuditChain(database)).toBeNull();
    const rows = await database.query<{ id: number }>('select id::int as id from audit_log order by id');
    await database.query(`update audit_log set data = '{"i": 99}' where id = $1`, [rows[3]!.id]);
    expect(await verifyAuditChain(database)).toBe(rows[3]!.id);
  });
});

describe(`audit entries with several data keys verify on ${databaseLabel}`, () => {
  it('jsonb key order does not break the chain', async () => {
    const database = await openTestDatabase();
    try {
      const at = new Date('2026-11-23T09:00:00Z');
      await appendAudit(database, {
        orgId: 'o1',
        at,
        actorKind: 'agent',
        action: 'reply.override',
        data: { reason: '买家要求', conversationId: 'c1', z: { b: 1, a: [2, { y: 1, x: 2 }] } },
      });
      expect(await verifyAuditChain(database)).toBeNull();
    } finally {
      await database.close();
    }
  });
});
