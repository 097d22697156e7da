// Issue 10 (minor, A11): the audit chain could only be checked through an evidence file, the check
// exited 0 on tampering, and it missed deleted newest rows and a recomputed chain. Now signed
// checkpoints anchor the chain and `dxe audit verify` exits non-zero on any break. Real database,
// real rows changed with SQL as an attacker with database access would; the CLI is spawned.
import { rmSync } from 'node:fs';
import { asc } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, auditHash, GENESIS_HASH } from '../../src/app/audit/audit-log.js';
import { verifyAudit, writeCheckpoint } from '../../src/app/audit/checkpoints.js';
import { openDatabase, type Database } from '../../src/store/open-database.js';
import { auditLog } from '../../src/store/schema/index.js';
import { openTestDatabase, databaseLabel } from '../helpers/database.js';
import { dxeEnv, runDxe } from '../resilience/serve-process.js';
import { migratedDataDir } from '../helpers/pglite-template.js';

const KEY = 'test-checkpoint-key-0123456789abcdef';
const at = (min: number) => new Date(Date.UTC(2026, 10, 23, 2, min));

async function append(database: Database, n: number, from = 0): Promise<void> {
  for (let i = 0; i < n; i++) {
    await appendAudit(database, { orgId: 'org-1', at: at(from + i), actorKind: 'agent', actorId: 'a1', action: 'settings.change', subjectKind: 'shop', subjectId: 'demo', data: { i: from + i } });
  }
}

/** What an attacker with database access does after editing a row: rehash everything after it. */
async function recomputeChain(database: Database): Promise<void> {
  const rows = await database.db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const hash = auditHash(prev, { orgId: r.orgId, at: r.at, actorKind: r.actorKind, actorId: r.actorId, action: r.action, subjectKind: r.subjectKind, subjectId: r.subjectId, data: r.data });
    await database.query('update audit_log set prev_hash = $1, hash = $2 where id = $3', [prev, hash, r.id]);
    prev = hash;
  }
}

describe(`audit verify with signed checkpoints (issue 10, A11) on ${databaseLabel}`, () => {
  let database: Database;
  beforeEach(async () => {
    await database?.close();
    database = await openTestDatabase();
    await append(database, 5);
    expect(await writeCheckpoint(database, KEY, at(10))).toMatchObject({ lastId: expect.any(Number), rowCount: 5 });
    await append(database, 2, 5);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('an untouched log verifies, with the rows after the newest checkpoint counted', async () => {
    const r = await verifyAudit(database, KEY);
    expect(r).toMatchObject({ intact: true, rows: 7, checkpoints: 1, checkpointsChecked: true, unanchoredRows: 2, problems: [] });
    expect(await writeCheckpoint(database, KEY, at(20))).toMatchObject({ rowCount: 7 });
    expect(await writeCheckpoint(database, KEY, at(21))).toBeNull(); // nothing new
    expect((await verifyAudit(database, KEY)).unanchoredRows).toBe(0);
  });

  it('an edited row breaks the chain', async () => {
    await database.query(`update audit_log set data = '{"i": 99}'::jsonb where id = (select min(id) + 1 from audit_log)`);
    const r = await verifyAudit(database, KEY);
    expect(r.intact).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('row_changed');
  });

  it('a recomputed chain passes the chain check but not the signed checkpoint', async () => {
    await database.query(`update audit_log set data = '{"i": 99}'::jsonb where id = (select min(id) + 1 from audit_log)`);
    await recomputeChain(database);
    const r = await verifyAudit(database, KEY);
    expect(r.problems.map((p) => p.kind)).not.toContain('row_changed');
    expect(r.intact).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('checkpoint_hash_mismatch');
    // Without the key the same log looks intact: the report says so plainly.
    const blind = await verifyAudit(database, undefined);
    expect(blind).toMatchObject({ intact: true, checkpointsChecked: false });
    expect(blind.warningsZh.join()).toMatch(/AUDIT_CHECKPOINT_KEY/);
  });

  it('deleting the newest rows (back past a checkpoint) is detected', async () => {
    await database.query('delete from audit_log where id >= (select max(id) - 2 from audit_log)');
    const r = await verifyAudit(database, KEY);
    expect(r.intact).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('checkpoint_row_missing');
  });

  it('a checkpoint forged without the key, or removed from the middle, is detected', async () => {
    await database.query(`update audit_checkpoints set row_count = 4`);
    expect((await verifyAudit(database, KEY)).problems.map((p) => p.kind)).toContain('checkpoint_forged');
    await database.query(`update audit_checkpoints set row_count = 5`);
    expect((await verifyAudit(database, KEY)).intact).toBe(true);
    await writeCheckpoint(database, KEY, at(30));
    await append(database, 1, 7);
    await writeCheckpoint(database, KEY, at(31));
    await database.query('delete from audit_checkpoints where id = (select min(id) + 1 from audit_checkpoints)');
    expect((await verifyAudit(database, KEY)).problems.map((p) => p.kind)).toContain('checkpoint_forged');
  });
});

// Migrated already (a copy of the run's template): the test is about the verify command.
const dataDir = await migratedDataDir('dxe-audit-verify-');

describe('dxe audit verify exits non-zero on any break (issue 10)', () => {
  const env = dxeEnv({ DATA_DIR: dataDir, AUDIT_CHECKPOINT_KEY: KEY });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('0 when intact, 3 after a recomputed chain, with the reason in Chinese', async () => {
    const database = await openDatabase({ dataDir });
    await append(database, 4);
    await database.close();
    const signed = await runDxe(['audit', 'checkpoint'], env);
    expect(signed.stderr).toBe('');
    expect(signed.stdout).toMatch(/已签名检查点/);
    const ok = await runDxe(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('审计日志：完整');

    const again = await openDatabase({ dataDir });
    await again.query(`update audit_log set actor_id = 'someone-else' where id = (select min(id) from audit_log)`);
    await recomputeChain(again);
    await again.close();
    const broken = await runDxe(['audit', 'verify'], env);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toContain('已被篡改');
    expect(broken.stdout).toMatch(/哈希链被重新计算/);
    const json = await runDxe(['audit', 'verify', '--json'], env);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ intact: false, checkpointsChecked: true });
  }, 240_000);
});
