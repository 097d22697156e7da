// The identity of a deployment: one id created by migration 0005 in its database. Everything a
// deployment shares with others outside its database — Redis keys and channels (issue 10, major 6)
// — is named after it, so two deployments on one Redis server never see each other's events.
import type { Config } from '../../config.js';
import type { Database } from '../../store/open-database.js';
import { deployment } from '../../store/schema/index.js';

export async function deploymentId(database: Database): Promise<string> {
  const [row] = await database.db.select({ id: deployment.id }).from(deployment).limit(1);
  if (!row) throw new Error('the deployment identity is missing (migration 0005 not applied)');
  return row.id;
}

/** REDIS_PREFIX when set, else `dxe:` and the first 16 characters of the database's identity. */
export async function redisPrefixFor(config: Config, database: Database): Promise<string> {
  if (config.REDIS_PREFIX) return config.REDIS_PREFIX;
  return `dxe:${(await deploymentId(database)).slice(0, 16)}`;
}
