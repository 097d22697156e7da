// Once per `vitest run`, before the workers start (issue 9: fast tests): train the shipped intent
// model into the on-disk model cache, build the migrated PGlite template, and compile the `dxe`
// sources for the processes the tests spawn (test/setup/dxe-build.ts), so that no test file trains
// the model or migrates an empty database itself, and no spawned `dxe` runs through tsx.
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
  process.env.DXE_TEST_BUILD = await buildDxe(ROOT, out);
  useNluModelCache();
  getDefaultNlu();
  if (!process.env.DATABASE_URL) {
    await pgliteTemplate();
    await templateFolder();
  }
  return () => {
    delete process.env.DXE_TEST_BUILD;
    delete process.env.DXE_TEST_RUN_DIR;
    rmSync(out, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  };
}
