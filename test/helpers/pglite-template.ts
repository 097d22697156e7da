// A migrated PGlite data directory, built once per run and copied into every test database
// (issue 9: migrating an empty cluster costs seconds per file; loading a migrated one about half).
// The tarball sits in the OS temp directory under a name that hashes the migrations and the PGlite
// version, so a new migration or a PGlite upgrade builds a new one. test/setup/global.ts builds it
// before the workers start; a file run on its own builds it on first use.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { MIGRATIONS_DIR, openDatabase } from '../../src/store/open-database.js';

function templateFile(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, f.name);
      if (f.isDirectory()) walk(path);
      else hash.update(f.name).update(fs.readFileSync(path));
    }
  };
  walk(MIGRATIONS_DIR);
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(fs.readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')) as { version: string };
  hash.update(pkg.version);
  return join(tmpdir(), 'dxe-test-pglite', `migrated-${hash.digest('hex').slice(0, 16)}-noid.tar`);
}

/** Templates kept in the temp directory (one per set of migrations in use on the machine). */
const KEEP_TEMPLATES = 4;

let cached: Promise<Blob> | undefined;

/** The migrated template as a tarball for OpenOptions.loadDataDir. */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= loadOrBuild();
  return cached;
}

async function loadOrBuild(): Promise<Blob> {
  const file = templateFile();
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    // Not built yet: build it below.
  }
  const database = await openDatabase({ dataDir: 'memory' });
  try {
    // Each copy is its own deployment (issue 10, major 6): it makes its identity on first use.
    await database.query('DELETE FROM deployment');
    const blob = await database.dumpDataDir!();
    fs.mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
    // Other checkouts on the machine may use other migrations: keep the few newest templates.
    const dir = dirname(file);
    const others = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.tar') && join(dir, f) !== file)
      .map((f) => ({ path: join(dir, f), at: fs.statSync(join(dir, f)).mtimeMs }))
      .sort((x, y) => y.at - x.at);
    for (const { path } of others.slice(KEEP_TEMPLATES - 1)) {
      fs.rmSync(path, { force: true });
      fs.rmSync(`${path}.d`, { recursive: true, force: true });
    }
    return blob;
  } finally {
    await database.close();
  }
}

/**
 * A new temporary data folder (for DATA_DIR) whose embedded database is already migrated: a copy
 * of the run's template, so that a spawned `dxe` opens it instead of creating and migrating a
 * cluster first (about 8 s of CPU per folder). For tests about a command, not about a first start;
 * the first start on an empty folder keeps its own tests (test/cli/start.test.ts).
 */
export async function migratedDataDir(prefix: string): Promise<string> {
  const dir = fs.mkdtempSync(join(tmpdir(), prefix));
  fs.cpSync(await templateFolder(), join(dir, 'pgdata'), { recursive: true });
  return dir;
}

let folder: Promise<string> | undefined;

/** The template unpacked once into a folder beside its tarball (same name, `.d`). */
export function templateFolder(): Promise<string> {
  folder ??= (async () => {
    const path = `${templateFile()}.d`;
    if (fs.existsSync(join(path, 'PG_VERSION'))) return path;
    const tarball = await pgliteTemplate();
    const tmp = `${path}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    extractTar(new Uint8Array(await tarball.arrayBuffer()), tmp);
    try {
      fs.renameSync(tmp, path);
    } catch {
      // Another worker unpacked it first.
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    return path;
  })();
  return folder;
}

/** Writes the files of an uncompressed tarball (PGlite's dumpDataDir format) under `to`. */
function extractTar(tar: Uint8Array, to: string): void {
  const text = (from: number, len: number) => {
    const end = tar.indexOf(0, from);
    return Buffer.from(tar.subarray(from, end < 0 || end > from + len ? from + len : end)).toString('utf8');
  };
  fs.mkdirSync(to, { recursive: true });
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = text(at, 100);
    if (!name) break;
    const prefix = text(at + 345, 155);
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(tar[at + 156] ?? 0);
    const path = join(to, `${prefix}${prefix ? '/' : ''}${name}`.replace(/^\/+/, ''));
    if (!path.startsWith(to)) throw new Error(`tar entry outside the folder: ${name}`);
    const body = at + 512;
    if (type === '5') fs.mkdirSync(path, { recursive: true });
    else if (type === '0' || type === '\0') {
      fs.mkdirSync(dirname(path), { recursive: true });
      fs.writeFileSync(path, tar.subarray(body, body + size));
    }
    at = body + Math.ceil(size / 512) * 512;
  }
}

const seeded = new Map<string, Promise<Blob>>();

/**
 * The migrated template with the demo organisation seeded at `now` (seedDemo), as a tarball for
 * OpenOptions.loadDataDir: seeding the demo costs about 2 s of CPU (argon2 and a few thousand
 * rows), paid once per run and `now` instead of once per test file that starts from the demo.
 * Kept for this run only (in DXE_TEST_RUN_DIR, made by test/setup/global.ts), so a change to the
 * demo data is always seen; without that folder each call seeds afresh.
 */
export function demoTemplate(now: Date): Promise<Blob> {
  const key = now.toISOString();
  let blob = seeded.get(key);
  if (!blob) {
    blob = loadOrBuildDemo(now);
    seeded.set(key, blob);
  }
  return blob;
}

async function loadOrBuildDemo(now: Date): Promise<Blob> {
  const runDir = process.env.DXE_TEST_RUN_DIR;
  const file = runDir ? join(runDir, `demo-${now.toISOString().replace(/[:.]/g, '-')}.tar`) : undefined;
  const lock = file ? `${file}.lock` : undefined;
  if (file && lock) {
    // One builder per run and `now`: the others wait for its file (the first worker to ask builds).
    for (let waited = 0; ; waited += 100) {
      if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
      try {
        fs.mkdirSync(lock);
        break;
      } catch {
        // Someone else is building it; after two minutes build our own (a builder that died).
        if (waited > 120_000) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  const database = await openDatabase({ dataDir: 'memory', loadDataDir: await pgliteTemplate(), migrate: false });
  try {
    await seedDemo(database, now);
    const blob = await database.dumpDataDir!();
    if (file) {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
      fs.renameSync(tmp, file);
    }
    return blob;
  } finally {
    await database.close();
  }
}

/** The fixed moment the demo is seeded at in tests that do not choose one. */
export const DEMO_NOW = new Date('2026-11-23T06:00:00.000Z');

const demoFolders = new Map<string, Promise<string>>();

/**
 * A new temporary data folder (for DATA_DIR) holding the demo organisation seeded at `now`, as
 * `dxe demo` would leave it: a copy of the run's seeded template (`demoTemplate`), unpacked once per
 * run. For tests about a command run on the demo (`dxe chat`, `dxe rules show --shop`), not about
 * `dxe demo` itself (test/cli/start.test.ts runs that).
 */
export async function demoDataDir(prefix: string, now = DEMO_NOW): Promise<string> {
  const key = now.toISOString();
  let unpacked = demoFolders.get(key);
  if (!unpacked) {
    unpacked = (async () => {
      const runDir = process.env.DXE_TEST_RUN_DIR ?? fs.mkdtempSync(join(tmpdir(), 'dxe-test-demo-'));
      const path = join(runDir, `demo-${key.replace(/[:.]/g, '-')}.d`);
      if (fs.existsSync(join(path, 'PG_VERSION'))) return path;
      const tmp = `${path}.${process.pid}.tmp`;
      fs.rmSync(tmp, { recursive: true, force: true });
      extractTar(new Uint8Array(await (await demoTemplate(now)).arrayBuffer()), tmp);
      try {
        fs.renameSync(tmp, path);
      } catch {
        // Another worker unpacked it first.
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      return path;
    })();
    demoFolders.set(key, unpacked);
  }
  const dir = fs.mkdtempSync(join(tmpdir(), prefix));
  fs.cpSync(await unpacked, join(dir, 'pgdata'), { recursive: true });
  return dir;
}
