// Once per `vitest run`, before the workers start (issue 9: fast tests): train the shipped intent
// model into the on-disk model cache, build the migrated PGlite template, and compile the `dxe`
// sources for the processes the tests spawn (test/setup/dxe-build.ts), so that no test file trains
// the model or migrates an empty database itself, and no spawned `dxe` runs through tsx.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useNluModelCache } from '../../src/app/shops/nlu-model-cache.js';
import { getDefaultNlu } from '../../src/core/nlu/index.js';
import { pgliteTemplate, templateFolder } from '../helpers/pglite-template.js';
import { buildDxe } from './dxe-build.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(): Promise<() => void> {
  // Vitest calls a global setup once per project that has files to run, plus once for the root
  // config, all in this one main process: the first call does the work; the later ones find its
  // environment and do nothing (they cost a compile of src and a template load each, serially,
  // before any worker started). The first call's teardown cleans up (teardowns run after every file).
  if (process.env.DXE_TEST_RUN_DIR) return () => {};
  // The workers and the processes they spawn inherit the environment set here.
  const out = mkdtempSync(join(tmpdir(), 'dxe-test-build-'));
  // Files made once per run by the first worker that needs them (the seeded demo templates).
  const runDir = mkdtempSync(join(tmpdir(), 'dxe-test-run-'));
  process.env.DXE_TEST_RUN_DIR = runDir;
  // The run's model cache: one per checkout, kept between runs (issue 9). The machine-wide one
  // (the OS temp folder's dxe-nlu-cache) keeps 12 models and is shared with every other checkout's
  // runs and starts: on a busy machine their shop models pushed this run's default model out, and a
  // spawned `dxe` or a file then trained it again (seconds of CPU each). Files are still named by a
  // hash of the NLU code and of the whole training input, so a change trains afresh; the tests that
  // are about training itself use a folder of their own or no cache (test/shop-nlu*.test.ts).
  process.env.DXE_NLU_CACHE_DIR ??= join(tmpdir(), `dxe-nlu-cache-checkout-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
  // The compile runs in esbuild's own process: it overlaps the model load and the template here
  // (about 2 s of the serial start, before any worker runs, on a busy 2-core machine).
  const built = buildDxe(ROOT, out);
  useNluModelCache();
  getDefaultNlu();
  if (!process.env.DATABASE_URL) {
    await pgliteTemplate();
    await templateFolder();
  }
  process.env.DXE_TEST_BUILD = await built;
  return () => {
    delete process.env.DXE_TEST_BUILD;
    delete process.env.DXE_TEST_RUN_DIR;
    rmSync(out, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  };
}
