// Tests run against the real database: PGlite in memory always; PostgreSQL when DATABASE_URL is
// set (CI sets it), each test file in its own schema so files can run in parallel.
import { randomBytes } from 'node:crypto';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { openDatabase, type Database } from '../../src/store/open-database.js';
import { demoTemplate, pgliteTemplate } from './pglite-template.js';

export const POSTGRES_URL = process.env.DATABASE_URL;

export async function openTestDatabase(): Promise<Database> {
  // PGlite starts from the run's migrated template (test/helpers/pglite-template.ts).
  if (!POSTGRES_URL) return openDatabase({ dataDir: 'memory', loadDataDir: await pgliteTemplate(), migrate: false });
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: POSTGRES_URL, pgSchema, poolSize: 4 });
  const close = database.close;
  return {
    ...database,
    async close() {
      await database.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      await close();
    },
  };
}

/**
 * A test database holding the demo organisation seeded at `now` (seedDemo). On PGlite a copy of
 * the run's seeded template (test/helpers/pglite-template.ts `demoTemplate`), on PostgreSQL a new
 * schema seeded here.
 */
export async function openDemoDatabase(now: Date): Promise<Database> {
  if (!POSTGRES_URL) return openDatabase({ dataDir: 'memory', loadDataDir: await demoTemplate(now), migrate: false });
  const database = await openTestDatabase();
  await seedDemo(database, now);
  return database;
}

export const databaseLabel = POSTGRES_URL ? 'PostgreSQL' : 'PGlite';
