// openDatabase(): PGlite (embedded, file-backed under DATA_DIR, or in memory for tests) or
// PostgreSQL (DATABASE_URL). Both behind one drizzle type; migrations apply on open and are
// idempotent (drizzle's journal table).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { PgliteThread } from './pglite-thread.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** What a query needs: the database itself or an open transaction on it. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export interface Database {
  db: Db;
  /** PostgreSQL schema holding the tables when not the default. */
  pgSchema?: string;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL; rows as plain objects. For the few queries drizzle cannot express. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs one SQL text without parameters through the simple query protocol (one round trip into
   * the embedded engine instead of six for a parameterised query). PGlite only; callers build the
   * text with sqlLiteral() (store/sql-functions.ts).
   */
  simpleQuery?<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /**
   * PostgreSQL only: a transaction whose BEGIN and first statement (no parameters; the caller
   * builds the text from numbers it checked) go in one round trip; `work` gets the statement's rows
   * and runs while the transaction is open, then COMMIT (ROLLBACK when `work` or the statement
   * throws). For a short claim-and-act transaction of the hot path (the event outbox publisher):
   * two round trips instead of three.
   */
  transactionFrom?<R, T>(first: string, work: (rows: R[]) => Promise<T>): Promise<T>;
  /** PGlite only: the whole data directory as a tarball (see OpenOptions.loadDataDir). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use PostgreSQL. */
  databaseUrl?: string;
  /** Folder for the embedded database; `memory` for an in-memory one (tests). */
  dataDir?: string;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL schema to use (tests isolate themselves in their own schema). */
  pgSchema?: string;
  poolSize?: number;
  /**
   * Run the embedded engine on a thread of its own (pglite-thread.ts) so that the server's main
   * thread keeps parsing requests, classifying and guarding while statements run. For a
   * file-backed PGlite only; the server turns it on (PGLITE_THREAD), tests and short commands
   * keep the engine in process.
   */
  thread?: boolean;
  /**
   * PGlite only: start from this data directory (a dumpDataDir() tarball), e.g. an already migrated
   * template, instead of an empty cluster. Tests use it to migrate once per run, not per file.
   */
  loadDataDir?: Blob;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts) : await openPglite(opts);
  if (opts.migrate !== false) await migrateDatabase(database);
  return database;
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  if (opts.thread && opts.dataDir && opts.dataDir !== 'memory') return openPgliteThread(opts.dataDir);
  let client: PGlite;
  let lock: { release(): void } | undefined;
  if (!opts.dataDir || opts.dataDir === 'memory') {
    client = new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  } else {
    const dir = resolve(opts.dataDir, 'pgdata');
    mkdirSync(dirname(dir), { recursive: true });
    // One process per folder (issue 10, critical 2): the lock is taken before the engine opens.
    lock = acquireDataDirLock(dirname(dir));
    try {
      client = new PGlite(dir);
      await client.waitReady;
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      const res = await client.query(text, params as unknown[]);
      return res.rows as T[];
    },
    async simpleQuery<T>(text: string) {
      const results = await client.exec(text);
      return (results.at(-1)?.rows ?? []) as T[];
    },
    dumpDataDir: async () => client.dumpDataDir('none'),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPgliteThread(dataDir: string): Promise<Database> {
  const dir = resolve(dataDir, 'pgdata');
  mkdirSync(dirname(dir), { recursive: true });
  // One process per folder (issue 10, critical 2), as in process: locked before the engine opens.
  const lock = acquireDataDirLock(dirname(dir));
  const client = new PgliteThread(dir);
  try {
    await client.waitReady;
  } catch (err) {
    await client.close().catch(() => undefined);
    lock.release();
    throw err;
  }
  const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    async simpleQuery<T>(text: string) {
      const results = await client.exec(text);
      return (results.at(-1)?.rows ?? []) as T[];
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

async function openPostgres(opts: OpenOptions): Promise<Database> {
  const schemaName = opts.pgSchema?.replace(/[^a-z0-9_]/gi, '');
  // search_path as a startup option: every pooled connection gets it before its first query.
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolSize ?? 10,
    ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
  });
  // An idle pooled connection that the server ends (restart, failover, a database dropped with
  // force) is reported as an 'error' event on the pool; with no listener Node treats it as
  // uncaught and the whole server dies. pg already drops that client from the pool and the next
  // query opens a new one, so the event only needs to be noted.
  pool.on('error', (err) => {
    process.stderr.write(`[store] idle PostgreSQL connection lost: ${err.message}\n`);
  });
  if (schemaName) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"`);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pgSchema: opts.pgSchema,
    async query<T>(text: string, params?: unknown[]) {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    async transactionFrom<R, T>(first: string, work: (rows: R[]) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        // Simple query protocol: both statements in one message, one result each.
        const results = (await client.query(`BEGIN; ${first}`)) as unknown as pg.QueryResult[];
        const value = await work((results[1]?.rows ?? []) as R[]);
        await client.query('COMMIT');
        client.release();
        return value;
      } catch (err) {
        // A failed BEGIN; … leaves the transaction open (aborted) too: roll it back either way.
        const cleaned = await client.query('ROLLBACK').then(() => true, () => false);
        // A connection that cannot even roll back is not given back to the pool.
        client.release(cleaned ? undefined : (err as Error));
        throw err;
      }
    },
    close: () => pool.end(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: database.pgSchema };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, config);
  } else {
    await migratePg(database.db as never, config);
  }
}

/** Queries for either the database or an open transaction on it. */
export function queriesOf(d: Database | Tx): Tx {
  return 'kind' in d && 'close' in d && 'db' in d ? d.db : (d as Tx);
}
