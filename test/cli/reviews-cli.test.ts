// `dxe reviews analyze` and `dxe import reviews` as a seller runs them (issue 13; EVAL §5): real
// processes, JSON Lines through stdin/stdout, an import into a fresh data folder run twice.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migratedDataDir } from '../helpers/pglite-template.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dxe = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/dxe.js'), ...args], {
    cwd: ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: 180_000,
  });

describe('dxe reviews (processes)', () => {
  it('analyze: one line out per line in, in order, bad lines with a code', () => {
    const input = [
      JSON.stringify({ id: 'v1', text: '质量不错就是物流太慢', rating: 4, platform: 'taobao' }),
      '{"id": "broken"',
      JSON.stringify({ id: 'v3', text: 'Seller never replied and refused to refund.', platform: 'aliexpress' }),
    ].join('\n');
    const r = dxe(['reviews', 'analyze'], { input });
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: 'v1', sentiment: 'positive', causes: ['logistics'], flags: [] });
    expect(out[1]).toMatchObject({ id: null, code: 'MALFORMED_JSON' });
    expect(out[2]).toMatchObject({ id: 'v3', sentiment: 'negative', causes: ['service'] });
  });

  it('import reviews: a GBK export into a fresh data folder, twice', async () => {
    // Fresh, with its database already migrated (a copy of the run's template).
    const dir = await migratedDataDir('dxe-reviews-cli-');
    try {
      const file = join(ROOT, 'test/fixtures/reviews/taobao-reviews-gbk.csv');
      // A fresh embedded folder even in the PostgreSQL pass of CI: DATABASE_URL would point at the
      // shared server database, where an earlier run already holds these review ids.
      const env = { DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' };
      const first = dxe(['import', 'reviews', file, '--platform', 'taobao'], { env });
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ imported: 7, encoding: 'gbk', errorCount: 1 });
      const second = dxe(['import', 'reviews', file, '--platform', 'taobao'], { env });
      expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, updated: 0 });
      const wrong = dxe(['import', 'reviews', join(ROOT, 'README.md'), '--platform', 'taobao'], { env });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('找不到评价表头');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
