// Calling the server-side functions of the hot path (migration 0003) from the application: one
// round trip per call. On PGlite outside a transaction the call goes through the simple query
// protocol with the arguments written as SQL literals (sqlLiteral below: every value is quoted
// and escaped, never pasted raw); inside a transaction, and on PostgreSQL, as a parameterised
// query. Results come back as jsonb and are mapped to drizzle's row shapes by rowFromJson.
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { DxeError } from '../core/errors.js';
import type { Database, Tx } from './open-database.js';

export type SqlArg = string | number | boolean | Date | null | undefined | readonly string[] | { json: unknown };

/** A value as a SQL literal. Strings are single-quoted with quotes doubled (standard_conforming_strings). */
export function sqlLiteral(v: SqlArg): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new DxeError('VALIDATION_FAILED', '数值无效');
    return String(v);
  }
  if (v instanceof Date) return `${quote(v.toISOString())}::timestamptz`;
  if (Array.isArray(v)) return `ARRAY[${v.map((s) => quote(String(s))).join(',')}]::text[]`;
  if (typeof v === 'object') return `${quote(JSON.stringify((v as { json: unknown }).json))}::jsonb`;
  return quote(v as string);
}

function quote(s: string): string {
  // PostgreSQL text cannot hold NUL; refuse it rather than let the engine fail obscurely.
  if (s.includes('\u0000')) throw new DxeError('VALIDATION_FAILED', '文本中含有不允许的控制字符（NUL）');
  return `'${s.replace(/'/g, "''")}'`;
}

/** A text[] in PostgreSQL's array input syntax: {"a","b"} with quotes and backslashes escaped. */
function pgArrayText(items: readonly string[]): string {
  return `{${items.map((x) => `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function sqlParam(v: SqlArg): SQL {
  if (v === undefined || v === null) return sql`NULL`;
  if (v instanceof Date) return sql`${v.toISOString()}::timestamptz`;
  // One parameter holding the array's text form (drizzle would expand a JS array into a row).
  if (Array.isArray(v)) return sql`${pgArrayText(v as readonly string[])}::text[]`;
  if (typeof v === 'object') return sql`${JSON.stringify((v as { json: unknown }).json)}::jsonb`;
  return sql`${v}`;
}

/**
 * The same arguments as sqlParam gives drizzle, as pg placeholders and values: on PostgreSQL
 * outside a transaction the hot calls go to the pool as they are, without building a drizzle SQL
 * object per call (issue 9, throughput). Same casts, same values, same statement text shape.
 */
function placeholders(args: SqlArg[], params: unknown[]): string {
  return args
    .map((v) => {
      if (v === undefined || v === null) return 'NULL';
      if (v instanceof Date) return `$${params.push(v.toISOString())}::timestamptz`;
      if (Array.isArray(v)) return `$${params.push(pgArrayText(v as readonly string[]))}::text[]`;
      if (typeof v === 'object') return `$${params.push(JSON.stringify((v as { json: unknown }).json))}::jsonb`;
      return `$${params.push(v)}`;
    })
    .join(', ');
}

/** Calls `name(args…)`, a function returning jsonb, on the database or inside a transaction. */
export async function callJson(target: Database | Tx, name: string, args: SqlArg[]): Promise<unknown> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new DxeError('INTERNAL', `bad function name ${name}`);
  const database = 'kind' in target && 'close' in target ? (target as Database) : null;
  if (database?.simpleQuery) {
    const rows = await database.simpleQuery<{ r: unknown }>(`select ${name}(${args.map(sqlLiteral).join(', ')}) as r`);
    return parseJson(rows[0]?.r);
  }
  if (database?.kind === 'postgres') {
    const params: unknown[] = [];
    const rows = await database.query<{ r: unknown }>(`select ${name}(${placeholders(args, params)}) as r`, params);
    return parseJson(rows[0]?.r);
  }
  const tx = database ? database.db : (target as Tx);
  const res = (await tx.execute(sql`select ${sql.raw(name)}(${sql.join(args.map(sqlParam), sql`, `)}) as r`)) as unknown;
  const rows = Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? []);
  return parseJson((rows[0] as { r?: unknown } | undefined)?.r);
}

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
}

/** How each column of a table is read back from to_jsonb(): built once per table. */
type ColumnReader = [key: string, name: string, kind: 'date' | 'number' | 'value'];
const readers = new WeakMap<Table, ColumnReader[]>();

function readersOf(table: Table): ColumnReader[] {
  let r = readers.get(table);
  if (!r) {
    r = Object.entries(getTableColumns(table)).map(([key, column]): ColumnReader => [
      key,
      column.name,
      column.columnType === 'PgTimestamp'
        ? 'date'
        : column.columnType === 'PgBigSerial53' || column.columnType === 'PgBigInt53' || column.columnType === 'PgInteger'
          ? 'number'
          : 'value',
    ]);
    readers.set(table, r);
  }
  return r;
}

/** A row of `table` from its to_jsonb() form: snake_case keys, timestamps as strings. */
export function rowFromJson<T extends Table>(table: T, raw: unknown): T['$inferSelect'] {
  const obj = (raw ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, name, kind] of readersOf(table)) {
    const v = obj[name];
    if (v === null || v === undefined) out[key] = null;
    else if (kind === 'date') out[key] = new Date(String(v));
    else if (kind === 'number') out[key] = Number(v);
    else out[key] = v;
  }
  return out as T['$inferSelect'];
}

/**
 * Calls `name(args…)` like callJson and, in the same statement (so in the same transaction),
 * writes one event_outbox row that holds the call's result — `{ staged: name, data: { result,
 * extra } }` — from which the application derives the events (issue 9, throughput: with a remote
 * bus, one statement instead of BEGIN, the call, the outbox INSERT and COMMIT). Autocommit: when it
 * returns, the result and its outbox row are both committed.
 */
export async function callJsonStaged(
  database: Database,
  name: string,
  args: SqlArg[],
  stage: { shopId: string; extra: unknown },
): Promise<{ result: unknown; outboxId: number }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new DxeError('INTERNAL', `bad function name ${name}`);
  if (database.kind === 'postgres') {
    const params: unknown[] = [];
    const call = placeholders(args, params);
    const shop = params.push(stage.shopId);
    const extra = params.push(JSON.stringify(stage.extra ?? null));
    const rows = await database.query<{ r?: unknown; outbox_id?: unknown }>(`with c as materialized (select ${name}(${call}) as r),
  o as (insert into event_outbox (shop_id, event)
        select $${shop}::text, jsonb_build_object('staged', '${name}'::text, 'data', jsonb_build_object('result', c.r, 'extra', $${extra}::jsonb))
          from c returning id)
select c.r as r, (select id from o) as outbox_id from c`, params);
    return { result: parseJson(rows[0]?.r), outboxId: Number(rows[0]?.outbox_id) };
  }
  const res = (await database.db.execute(sql`with c as materialized (select ${sql.raw(name)}(${sql.join(args.map(sqlParam), sql`, `)}) as r),
  o as (insert into event_outbox (shop_id, event)
        select ${stage.shopId}::text, jsonb_build_object('staged', ${name}::text, 'data', jsonb_build_object('result', c.r, 'extra', ${JSON.stringify(stage.extra ?? null)}::jsonb))
          from c returning id)
select c.r as r, (select id from o) as outbox_id from c`)) as unknown;
  const rows = Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? []);
  const row = rows[0] as { r?: unknown; outbox_id?: unknown } | undefined;
  return { result: parseJson(row?.r), outboxId: Number(row?.outbox_id) };
}
