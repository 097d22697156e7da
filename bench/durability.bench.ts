// What durability would cost on the embedded database (issue 10, minor): PGlite runs PostgreSQL
// with fsync off (`-F`) and its Node file backend has no fsync at all (fdatasync is a no-op), so a
// commit reaches the OS page cache, not the disk. This measures single-row write transactions
// (a buyer message is a few of these) as PGlite ships, and with the closest durability we could
// add from outside: fsync of the write-ahead log after every commit, and of every file of the
// folder after every commit. Run alone: `node --import tsx bench/durability.bench.ts` (< 1 min).
import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

function fsyncTree(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) n += fsyncTree(path);
    else if (st.isFile()) {
      const fd = openSync(path, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      n++;
    }
  }
  return n;
}

async function measure(label: string, count: number, afterCommit: (dir: string) => void): Promise<{ label: string; perSecond: number; msEach: number }> {
  const root = mkdtempSync(join(tmpdir(), 'dxe-durability-'));
  const dir = join(root, 'pgdata');
  const db = new PGlite(dir);
  await db.waitReady;
  try {
    await db.exec('create table t (id serial primary key, body text not null, at timestamptz not null default now())');
    for (let i = 0; i < 20; i++) await db.query('insert into t (body) values ($1)', [`warm ${i}`]);
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      await db.query('insert into t (body) values ($1)', [`亲，这件T恤白色L码还有货，今天16点前付款当天发出 ${i}`]);
      afterCommit(dir);
    }
    const ms = performance.now() - started;
    process.stderr.write(`${label}: ${count} in ${Math.round(ms)} ms\n`);
    return { label, perSecond: Math.round((count / ms) * 1000), msEach: Math.round((ms / count) * 100) / 100 };
  } finally {
    await db.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const rows = [
    await measure('PGlite as shipped (no fsync)', 200, () => {}),
    await measure('+ fsync of pg_wal after each commit', 100, (dir) => fsyncTree(join(dir, 'pg_wal'))),
    await measure('+ fsync of every file after each commit', 10, (dir) => fsyncTree(dir)),
  ];
  const base = rows[0]!.perSecond;
  return [
    '## Durability cost on PGlite (issue 10)',
    '',
    '| single-row write transactions | per second | ms each | vs as shipped |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${r.perSecond} | ${r.msEach} | ${(r.perSecond / base).toFixed(2)}× |`),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(`${await run()}\n`);
