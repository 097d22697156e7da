// In every test file: the shared default model comes from the on-disk cache that
// test/setup/global.ts filled, instead of being trained again in this worker.
import { useNluModelCache } from '../../src/app/shops/nlu-model-cache.js';

useNluModelCache();
