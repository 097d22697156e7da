// Once per `vitest run`, before the workers start (issue 9: fast tests): train the shipped intent
// model into the on-disk model cache, and build the migrated PGlite template, so that no test file
// trains the model or migrates an empty database itself.
import { useNluModelCache } from '../../src/app/shops/nlu-model-cache.js';
import { getDefaultNlu } from '../../src/core/nlu/index.js';
import { pgliteTemplate } from '../helpers/pglite-template.js';

export default async function setup(): Promise<void> {
  useNluModelCache();
  getDefaultNlu();
  if (!process.env.DATABASE_URL) await pgliteTemplate();
}
