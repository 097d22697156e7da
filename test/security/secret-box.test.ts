// F4 / security: secrets the product stores for use (a shop's SMTP password) are sealed at rest
// with the deployment's key — SECRET_KEY, or DATA_DIR/secret.key made on first use (mode 0600).
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSealed, noSecretKey, secretBoxFor } from '../../src/app/runtime/secret-box.js';
import { DxeError } from '../../src/core/errors.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dxe-secret-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the secret box (SMTP password at rest)', () => {
  it('seals with a fresh IV each time and opens again; the clear text is nowhere in the sealed value', () => {
    const box = secretBoxFor({ DATA_DIR: tempDir(), SECRET_KEY: 'a passphrase of twenty chars' });
    const a = box.seal('smtp-密码-123');
    const b = box.seal('smtp-密码-123');
    expect(isSealed(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('smtp');
    expect(box.open(a)).toBe('smtp-密码-123');
    expect(box.open(b)).toBe('smtp-密码-123');
  });

  it('without SECRET_KEY the key is DATA_DIR/secret.key, written on first seal with mode 0600 and reused', () => {
    const dir = tempDir();
    const box = secretBoxFor({ DATA_DIR: dir, SECRET_KEY: undefined });
    expect(existsSync(join(dir, 'secret.key'))).toBe(false); // nothing sealed yet: no key file
    const sealed = box.seal('pw');
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    // Another process on the same data folder (a fresh box over the same path) opens it.
    expect(secretBoxFor({ DATA_DIR: join(dir, '.', ''), SECRET_KEY: undefined }).open(sealed)).toBe('pw');
  });

  it('a value sealed under another key, or altered, does not open: SECRET_UNREADABLE in Chinese', () => {
    const one = secretBoxFor({ DATA_DIR: tempDir(), SECRET_KEY: 'the first key, long enough' });
    const two = secretBoxFor({ DATA_DIR: tempDir(), SECRET_KEY: 'the second key, long enough' });
    const sealed = one.seal('pw');
    const err = (() => {
      try {
        two.open(sealed);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(DxeError);
    expect((err as DxeError).code).toBe('SECRET_UNREADABLE');
    expect((err as DxeError).message).toContain('请管理员重新填写');
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => one.open(parts.join(':'))).toThrow(/无法解密/);
    expect(() => one.open('enc:v1:garbage')).toThrow(/无法解密/);
  });

  it('a password stored in clear before sealing existed opens as itself; a keyless process refuses sealed ones', () => {
    const box = secretBoxFor({ DATA_DIR: tempDir(), SECRET_KEY: 'legacy values key of 16+' });
    expect(box.open('plain-old-password')).toBe('plain-old-password');
    expect(noSecretKey.open('plain-old-password')).toBe('plain-old-password');
    expect(() => noSecretKey.open(box.seal('x'))).toThrow(/无法解密/);
  });
});
