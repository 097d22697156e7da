// Values written as SQL literals (the embedded engine's one-round-trip path) and as parameters
// come back unchanged, however hostile: quotes, backslashes, dollar quotes, emoji, JSON, arrays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.js';
import type { Database } from './open-database.js';
import { callJson, callJsonStaged, sqlLiteral } from './sql-functions.js';

const HOSTILE = ["it's", "''; drop table messages; --", 'back\\slash \\\\', '$$ $tag$', '亲😊\u200b', '"quoted"', 'line\nbreak\ttab', ''];

describe('SQL literals and parameters', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.query('create or replace function dxe_echo(p_text text, p_arr text[], p_json jsonb, p_at timestamptz) returns jsonb language sql as $$ select jsonb_build_object(\'text\', p_text, \'arr\', to_jsonb(p_arr), \'json\', p_json, \'at\', p_at) $$');
  });
  afterAll(async () => database?.close());

  it.each(HOSTILE)('round-trips %j through the literal and the parameter path', async (text) => {
    const at = new Date('2026-12-06T08:00:00.123Z');
    const args = [text, [text, 'b'], { json: { t: text, n: [1, 2] } }, at] as const;
    const viaDatabase = (await callJson(database, 'dxe_echo', [...args])) as Record<string, unknown>;
    const viaTx = (await database.db.transaction((tx) => callJson(tx, 'dxe_echo', [...args]))) as Record<string, unknown>;
    for (const r of [viaDatabase, viaTx]) {
      expect(r.text).toBe(text);
      expect(r.arr).toEqual([text, 'b']);
      expect(r.json).toEqual({ t: text, n: [1, 2] });
      expect(new Date(String(r.at)).getTime()).toBe(at.getTime());
    }
  });

  it('numbers, booleans and NULL come back the same through every path', async () => {
    await database.query('create or replace function dxe_echo_scalars(p_n double precision, p_i integer, p_b boolean, p_null text, p_undef jsonb) returns jsonb language sql as $$ select jsonb_build_object(\'n\', p_n, \'i\', p_i, \'b\', p_b, \'null\', p_null, \'undef\', p_undef) $$');
    const args = [0.125, 42, false, null, undefined];
    const want = { n: 0.125, i: 42, b: false, null: null, undef: null };
    expect(await callJson(database, 'dxe_echo_scalars', args)).toEqual(want);
    expect(await database.db.transaction((tx) => callJson(tx, 'dxe_echo_scalars', args))).toEqual(want);
  });

  it('a staged call returns the result and stores it with its extra in one outbox row', async () => {
    const args = [HOSTILE[1]!, ['x'], { json: { k: HOSTILE[3] } }, new Date('2026-12-07T00:00:00Z')];
    const { result, outboxId } = await callJsonStaged(database, 'dxe_echo', args, { shopId: 'shop-1', extra: { now: HOSTILE[0] } });
    expect(result).toEqual(await callJson(database, 'dxe_echo', args));
    const [row] = await database.query<{ shop_id: string; event: unknown }>('select shop_id, event from event_outbox where id = $1', [outboxId]);
    expect(row).toEqual({ shop_id: 'shop-1', event: { staged: 'dxe_echo', data: { result, extra: { now: HOSTILE[0] } } } });
    await database.query('delete from event_outbox where id = $1', [outboxId]);
  });

  it('refuses NUL, which PostgreSQL text cannot hold, with a clear error', () => {
    expect(() => sqlLiteral('a\u0000b')).toThrow(/NUL/);
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });
});

// PostgreSQL: BEGIN and the first statement in one round trip; committed after work, rolled back
// (nothing kept, the connection reusable) when work throws.
describe('transactionFrom', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.query('create table if not exists tf_probe (id int primary key)');
  });
  afterAll(async () => database?.close());

  it.runIf(process.env.DATABASE_URL)('commits after work and rolls back when work throws', async () => {
    await database.query('insert into tf_probe values (1), (2), (3)');
    const seen = await database.transactionFrom!<{ id: number }, number[]>('DELETE FROM tf_probe WHERE id IN (1,2) RETURNING id', async (rows) => rows.map((r) => r.id).sort());
    expect(seen).toEqual([1, 2]);
    await expect(database.transactionFrom!('DELETE FROM tf_probe WHERE id IN (3) RETURNING id', async () => {
      throw new Error('publish failed');
    })).rejects.toThrow('publish failed');
    await expect(database.transactionFrom!('DELETE FROM no_such_table', async () => 0)).rejects.toThrow();
    expect(await database.query('select id from tf_probe order by id')).toEqual([{ id: 3 }]);
  });

  it.runIf(!process.env.DATABASE_URL)('is not offered by the embedded engine (callers use a drizzle transaction)', () => {
    expect(database.transactionFrom).toBeUndefined();
  });
});
