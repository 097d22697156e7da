// The identity of a deployment: one id created by migration 0005 in its database (or on first use
// when the database has none). Everything a
// deployment shares with others outside its database — Redis keys and channels (issue 10, major 6)
// — is named after it, so two deployments on one Redis server never see each other's events.
import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Database } from '../../store/open-database.js';
import { deployment } from '../../store/schema/index.js';

export async function deploymentId(database: Database): Promise<string> {
  const [row] = await database.db.select({ id: deployment.id }).from(deployment).orderBy(asc(deployment.createdAt), asc(deployment.id)).limit(1);
  if (row) return row.id;
  // A database without one (copied from a template made without it, or restored without it) gets
  // its own now; the table lock keeps two processes starting at once from making two.
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE deployment IN EXCLUSIVE MODE`);
    const [again] = await tx.select({ id: deployment.id }).from(deployment).limit(1);
    if (again) return again.id;
    const id = randomUUID().replace(/-/g, '');
    await tx.insert(deployment).values({ id });
    return id;
  });
}

/** REDIS_PREFIX when set, else `dxe:` and the first 16 characters of the database's identity. */
export async function redisPrefixFor(config: Config, database: Database): Promise<string> {
  if (config.REDIS_PREFIX) return config.REDIS_PREFIX;
  return `dxe:${(await deploymentId(database)).slice(0, 16)}`;
}
