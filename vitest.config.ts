import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/setup/sequencer.js';

// Six projects (issue 9: fast, steady tests), all run by `npm test`; one alone with
// `npx vitest run --project unit` (or core, database, database-isolated, cli, browser).
// test/setup/global.ts trains the shipped intent model and migrates a PGlite template once per
// run; every file reuses both.
// Files that start `dxe` processes, a browser or a second server get the most room: on a busy
// 2-core machine a spawn through tsx alone can take seconds.
// Files that drive chromium: the `browser` project, whose global setup starts the run's one chromium.
const BROWSER = ['test/browser/**/*.test.ts', 'test/realtime/widget-browser.test.ts'];
const SPAWNING = [
  'src/cli/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/realtime/two-processes.test.ts',
  'test/import/cli.test.ts',
  'test/resilience/**/*.test.ts',
  'test/evidence/**/*.test.ts',
  'test/architecture/**/*.test.ts',
];
const DATABASE = ['src/store/**/*.test.ts', 'test/**/*.test.ts'];
/**
 * Database files that change module state another file would see: the environment of the model
 * cache, the shop-NLU logger and training limits. They keep a module graph of their own
 * (`database-isolated`); every other database file shares its worker's (`database`).
 */
const DATABASE_ISOLATED = [
  'test/shop-nlu.test.ts',
  'test/shop-nlu-thread.test.ts',
  'test/shop-nlu-failures.test.ts',
];
/**
 * Room for the core and unit files: pure CPU, fast on an idle machine, but a test that scans the
 * whole guard lexicon twice took 41 s with the machine's load at 16 (it failed at the old 30 s). A
 * wrong answer still fails at once; only a test that hangs waits this long (issue 9: room, not a race).
 */
const CPU_BOUND = { testTimeout: 120_000, hookTimeout: 120_000 };
/** The longest room of the spawning and browser files. */
const SLOW = {
  // Room, not a race: a test here may build the web app, drive chromium or run `dxe` a few times,
  // each seconds of CPU on a shared 2-core machine.
  testTimeout: 300_000,
  hookTimeout: 300_000,
  // A page or a socket waited for with expect.poll gets room too (the default is 1 s: a WebSocket
  // ticket and connect took longer than that in a loaded CI run).
  expect: { poll: { timeout: 20_000 } },
};

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/nlu-cache.ts'],
    pool: 'forks',
    // Long files first, a project's files together (test/setup/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    // Two files at a time. Vitest's default in a run is one worker fewer than the cores, i.e. ONE
    // on this 2-core machine: every file waited for the last, while most of them spend their time
    // waiting on a `dxe` child, a browser, a training thread or a socket rather than on the CPU.
    maxWorkers: 2,
    // test/setup/timing-reporter.ts writes test-results/timings.json: where each file's time went.
    reporters: ['default', './test/setup/timing-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          // The pure core (no I/O, no module state of its own but the shared default model, no
          // mocks): its files share a worker's module graph instead of importing the NLU, the
          // rules and zod afresh each (about a second of CPU per file), and the model loads once.
          name: 'core',
          include: ['src/core/**/*.test.ts'],
          isolate: false,
          ...CPU_BOUND,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...DATABASE, ...SPAWNING, ...BROWSER, 'src/core/**'],
          ...CPU_BOUND,
        },
      },
      {
        extends: true,
        test: {
          name: 'database',
          include: DATABASE,
          exclude: [...SPAWNING, ...BROWSER, ...DATABASE_ISOLATED],
          // Issue 9: the files of a worker share one module graph (the server, drizzle, the NLU, the
          // rules, zod: seconds of CPU per file when each imported them afresh), one loaded model
          // and PGlite's compiled WebAssembly (PGlite keeps it per process; an isolated file compiled
          // the 9 MB module again for its database).
          // What a module keeps per deployment is keyed by the Database (shop contexts, shop models,
          // retrain slots, principals, batchers), so files with the same demo shop ids do not meet.
          isolate: false,
          // Room for two files side by side on a busy machine (a seeded app or a model training).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'database-isolated',
          include: DATABASE_ISOLATED,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          include: SPAWNING,
          // Issue 9: like `database`, the files of a worker share one module graph (the store, the
          // server, the NLU: seconds of import per file on a busy machine); what they run is mostly
          // `dxe` children, and none of them changes the environment or mocks a module.
          isolate: false,
          ...SLOW,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          // Added to the root's global setup: one chromium for the run, started only when a
          // browser file is queued.
          globalSetup: ['test/setup/browser.ts'],
          // Issue 9: the files of a worker share one module graph (the server, drizzle, the NLU, the
          // rules: about 5 s of import per file on a busy machine, 27 files). Each file still has its
          // own database, server and browser context (test/browser/fixture.ts); none changes the
          // environment or mocks a module.
          isolate: false,
          ...SLOW,
        },
      },
    ],
  },
});
