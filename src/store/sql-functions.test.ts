// Values written as SQL literals (the embedded engine's one-round-trip path) and as parameters
// come back unchanged, however hostile: quotes, backslashes, dollar quotes, emoji, JSON, arrays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.js';
import type { Database } from './open-database.js';
import { callJson, sqlLiteral } from './sql-functions.js';

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

  it('refuses NUL, which PostgreSQL text cannot hold, with a clear error', () => {
    expect(() => sqlLiteral('a\u0000b')).toThrow(/NUL/);
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });
});
