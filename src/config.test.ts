import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DxeError } from './core/errors.js';

describe('config (issue 2 §4)', () => {
  it('defaults to PGlite under ./data', () => {
    const c = loadConfig({ DXE_CONFIG: undefined });
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
  });

  it('reads env vars and coerces numbers', () => {
    const c = loadConfig({ PORT: '8080', LOG_LEVEL: 'debug', DATABASE_URL: 'postgres://u@h/db' });
    expect(c.PORT).toBe(8080);
    expect(c.LOG_LEVEL).toBe('debug');
    expect(c.DATABASE_URL).toBe('postgres://u@h/db');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
  ])('a bad %s=%s stops the start with a message naming the variable', (key, value) => {
    try {
      loadConfig({ [key]: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DxeError);
      expect((err as DxeError).code).toBe('CONFIG_INVALID');
      expect((err as DxeError).message).toContain(key);
    }
  });

  it('reads an optional config file; env wins over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxe-config-'));
    const file = join(dir, 'dxe.config.json');
    writeFileSync(file, JSON.stringify({ PORT: 4100, DATA_DIR: '/srv/dxe' }));
    expect(loadConfig({ DXE_CONFIG: file }).PORT).toBe(4100);
    expect(loadConfig({ DXE_CONFIG: file, PORT: '4200' }).PORT).toBe(4200);
    expect(loadConfig({ DXE_CONFIG: file }).DATA_DIR).toBe('/srv/dxe');
  });

  it('a broken config file is named in the error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxe-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ not json');
    expect(() => loadConfig({ DXE_CONFIG: file })).toThrow(/bad\.json/);
    expect(() => loadConfig({ DXE_CONFIG: join(dir, 'missing.json') })).toThrow(/DXE_CONFIG/);
  });
});
