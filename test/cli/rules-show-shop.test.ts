import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { shops } from '../../src/store/schema/index.js';
import { demoDataDir } from '../helpers/pglite-template.js';

const DXE = join(import.meta.dirname, '../../bin/dxe.js');

describe('dxe rules show --shop merges the shop overrides saved in the store (P1)', () => {
  it('shows the shop value with the shop named as the last layer', async () => {
    // The demo as `dxe demo` leaves it, copied from the run's seeded template (issue 9: one `dxe` start fewer).
    const dataDir = await demoDataDir('dxe-rules-shop-');
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    // Without --shop the command reads no database: it runs beside the others (issue 9: fewer
    // `dxe` starts in a row), its output checked below.
    const plainRun = new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, [DXE, 'rules', 'show', 'tmall', '--json'], { env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`dxe rules show exited ${code}`))));
    });
    const database = await openDatabase({ dataDir: resolve(dataDir) });
    await database.db.update(shops).set({ ruleOverrides: { shipping: { ship_by_hours: 48 } } }).where(eq(shops.id, 'demo-tmall'));
    await database.close();

    const r = spawnSync(process.execPath, [DXE, 'rules', 'show', 'tmall', '--shop', 'demo-tmall', '--json'], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).shipping.ship_by_hours).toBe(48);
    expect(JSON.parse(await plainRun).shipping.ship_by_hours).toBe(72);

    const wrong = spawnSync(process.execPath, [DXE, 'rules', 'show', 'jd', '--shop', 'demo-tmall'], { env, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('属于 tmall 平台');
    const missing = spawnSync(process.execPath, [DXE, 'rules', 'show', 'tmall', '--shop', 'nope'], { env, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到店铺');
  });
});
