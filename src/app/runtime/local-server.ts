// How a `dxe` command reaches the server that owns an embedded data folder (issue 10, critical 2).
// PGlite admits one process per folder (store/data-dir-lock.ts), so while `dxe serve` runs, the
// commands that write (import orders, chat) go through its API instead of opening the folder.
// The server writes DATA_DIR/server.json (mode 0600: only the folder's owner reads it) with its
// URL, pid and a random local token; the token is accepted only on the /api/v1/local routes and
// only from a loopback address. The file is removed on a clean stop; one left by a killed server
// is ignored (its pid is gone).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processAlive, SERVER_FILE } from '../../store/data-dir-lock.js';

export interface RunningServer {
  url: string;
  pid: number;
  token: string;
}

export function newLocalToken(): string {
  return `dxl_${randomBytes(24).toString('base64url')}`;
}

/** Written once the server listens; returns the function that removes it again. */
export function writeServerFile(dataDir: string, server: RunningServer): () => void {
  const dir = resolve(dataDir);
  const path = join(dir, SERVER_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...server, startedAt: new Date().toISOString() }), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
  return () => {
    try {
      const current = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number };
      if (current.pid === server.pid) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/** The server running on this data folder, if its file names a live process. */
export function findRunningServer(dataDir: string): RunningServer | null {
  try {
    const parsed = JSON.parse(readFileSync(join(resolve(dataDir), SERVER_FILE), 'utf8')) as Partial<RunningServer>;
    if (typeof parsed.url !== 'string' || typeof parsed.token !== 'string' || typeof parsed.pid !== 'number') return null;
    if (!processAlive(parsed.pid)) return null;
    return { url: parsed.url, pid: parsed.pid, token: parsed.token };
  } catch {
    return null;
  }
}

/** Constant-time comparison of a presented local token with the server's. */
export function localTokenMatches(expected: string | null | undefined, presented: string | null | undefined): boolean {
  if (!expected || !presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
