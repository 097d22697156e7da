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
    for (const { path } of others.slice(KEEP_TEMPLATES - 1)) fs.rmSync(path, { force: true });
    return blob;
  } finally {
    await database.close();
  }
}
