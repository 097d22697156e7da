// The data folder's lock (issue 10, critical 2): one process per embedded folder, a dead owner's
// lock recovered, a live owner's refused with a message naming the folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DxeError } from '../core/errors.js';
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock.js';
import { openDatabase } from './open-database.js';

const root = mkdtempSync(join(tmpdir(), 'dxe-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(root, name);
  spawnSync('mkdir', ['-p', dir]);
  return dir;
}

describe('data folder lock (issue 10 critical 2)', () => {
  it('a second open of one folder is refused while the first holds it, and allowed after close', async () => {
    const dir = folder('twice');
    const first = await openDatabase({ dataDir: dir, migrate: false });
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string };
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    const second = await openDatabase({ dataDir: dir, migrate: false }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(second).toBeInstanceOf(DxeError);
    expect((second as DxeError).code).toBe('DATA_DIR_LOCKED');
    expect((second as DxeError).message).toContain(dir);
    expect((second as DxeError).message).toMatch(/请先停止/);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir, migrate: false });
    await again.close();
  });

  it('a lock held by another live process is refused, naming its pid', async () => {
    const dir = folder('other');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname(), command: 'dxe serve', startedAt: 'now' }));
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`进程 ${child.pid}`));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a lock left by a dead process is taken over', () => {
    const dir = folder('stale');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), command: 'dxe serve', startedAt: 'then' }));
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'dxe test' });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
