// PGlite is single-process (issue 10, critical 2): two processes opening one data folder each
// write their own copy of the engine's files and the folder ends up unreadable. Opening an
// embedded database therefore takes the folder's lock file first: `DATA_DIR/dxe.lock`, created
// exclusively (O_EXCL) and holding the owner's pid, host and command. A lock whose process is gone
// (kill -9, power loss) is stale and is taken over; a live owner makes the open fail with a
// Chinese message that names the folder and what to do instead.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DxeError } from '../core/errors.js';

export const LOCK_FILE = 'dxe.lock';
/** Written by a running `dxe serve` next to the lock: where its API listens (see app/runtime/local-server). */
export const SERVER_FILE = 'server.json';

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(dir: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? ''),
      command: String(parsed.command ?? ''),
      startedAt: String(parsed.startedAt ?? ''),
    };
  } catch {
    return null;
  }
}

/** Our lock files live in this process: several opens of one folder in one process are refused too. */
const held = new Set<string>();

function describeCommand(command: string): string {
  return command ? `「${command}」` : '另一个 dxe 进程';
}

export function lockedMessage(dir: string, owner: LockOwner | null): string {
  const who = owner ? `${describeCommand(owner.command)}（进程 ${owner.pid}，${owner.startedAt} 起）` : '另一个 dxe 进程';
  return (
    `数据目录 ${dir} 正被${who}使用。内置数据库 PGlite 只能由一个进程打开，同时打开会损坏数据。` +
    `请先停止该进程（如 dxe serve）再执行此命令；服务运行期间，dxe import orders 与 dxe chat 会自动经由服务的 API 执行，` +
    `其他操作请在工作台完成。多进程部署请使用 PostgreSQL（DATABASE_URL）。` +
    ` / The data folder ${dir} is in use by ${owner ? `pid ${owner.pid} (${owner.command})` : 'another dxe process'}; ` +
    `stop it first or go through the running server's API.`
  );
}

/**
 * Takes the folder's lock or throws DxeError('DATA_DIR_LOCKED'). A lock left by a dead process on
 * this host is recovered. The lock is released by `release()` and, as a last resort, when the
 * process exits normally.
 */
export function acquireDataDirLock(dir: string, command = process.argv.slice(2).join(' ')): DataDirLock {
  const path = join(dir, LOCK_FILE);
  if (held.has(path)) throw new DxeError('DATA_DIR_LOCKED', lockedMessage(dir, readLockOwner(dir)));
  const me: LockOwner = { pid: process.pid, host: hostname(), command: `dxe ${command}`.trim(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLockOwner(dir);
      // A lock being written this instant has no content yet: only a readable, dead owner is stale.
      const stale = owner !== null && (owner.host === me.host ? !processAlive(owner.pid) : false);
      if (!stale) throw new DxeError('DATA_DIR_LOCKED', lockedMessage(dir, owner));
      // Take over only the exact stale file we read (another process may be recovering it too).
      try {
        const again = readLockOwner(dir);
        if (again && again.pid === owner.pid && again.startedAt === owner.startedAt) rmSync(path, { force: true });
      } catch {
        // Lost the race: the next attempt sees the winner's lock.
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    held.add(path);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.delete(path);
      process.off('exit', release);
      // Remove only our own lock.
      if (readLockOwner(dir)?.pid === me.pid) rmSync(path, { force: true });
    };
    process.on('exit', release);
    return { path, release };
  }
  throw new DxeError('DATA_DIR_LOCKED', lockedMessage(dir, readLockOwner(dir)));
}
