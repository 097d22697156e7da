// Secrets the product must use but never show (F4: a shop's SMTP password) are sealed at rest
// with AES-256-GCM, so a copy of the database — a backup, a dump handed to support, a stolen
// disk image of the PostgreSQL server — does not carry them in clear. The key is not in the
// database: it is SECRET_KEY from the configuration (every process of a scaled deployment must
// be given the same one), or else DATA_DIR/secret.key, 32 random bytes written (mode 0600) the
// first time a secret is sealed.
//
// A sealed value reads `enc:v1:<iv>:<tag>:<ciphertext>` (base64). A value without that prefix is
// one stored in clear before sealing existed (migration 0027); it opens as itself and is sealed
// the next time it is saved. A value sealed under another key, or altered, does not open: the
// caller gets SECRET_UNREADABLE, with what to do, and nothing else stops.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import { DxeError } from '../../core/errors.js';

const PREFIX = 'enc:v1:';
const KEY_FILE = 'secret.key';

export interface SecretBox {
  /** The stored form of `plain`. */
  seal(plain: string): string;
  /** The clear text of a stored value (a legacy clear value is returned as it is). */
  open(stored: string): string;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** A box over a 32-byte key. */
export function secretBoxWithKey(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret box: the key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    },
    open(stored) {
      if (!isSealed(stored)) return stored;
      const [iv, tag, body] = stored.slice(PREFIX.length).split(':');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64'));
        decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body ?? '', 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new DxeError(
          'SECRET_UNREADABLE',
          '保存的密码无法解密：本服务的密钥（配置 SECRET_KEY，或数据目录里的 secret.key）与保存时不同，或数据被改动过。请管理员重新填写该密码。',
        );
      }
    },
  };
}

/** The key a passphrase (SECRET_KEY) stands for: scrypt with a fixed, product-wide salt. */
function keyOfPassphrase(passphrase: string): Buffer {
  return scryptSync(passphrase, 'dianxiaoer secret box v1', 32);
}

/** DATA_DIR/secret.key, made on first use; two processes racing to make it agree on the winner's. */
function keyOfDataDir(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  const read = () => Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return read();
}

const boxes = new Map<string, SecretBox>();

/** The box of this deployment's configuration (one per key source, made lazily). */
export function secretBoxFor(config: Pick<Config, 'DATA_DIR' | 'SECRET_KEY'>): SecretBox {
  const source = config.SECRET_KEY ? `key:${config.SECRET_KEY}` : `dir:${resolve(config.DATA_DIR)}`;
  let box = boxes.get(source);
  if (!box) {
    let key: Buffer | null = null;
    const load = () => (key ??= config.SECRET_KEY ? keyOfPassphrase(config.SECRET_KEY) : keyOfDataDir(resolve(config.DATA_DIR)));
    // The key is read (or the file made) when a secret is first sealed or opened, not at start:
    // a deployment that stores no secret never writes a key file.
    box = {
      seal: (plain) => secretBoxWithKey(load()).seal(plain),
      open: (stored) => (isSealed(stored) ? secretBoxWithKey(load()).open(stored) : stored),
    };
    boxes.set(source, box);
  }
  return box;
}

/** A box without a key: it opens values stored in clear and refuses sealed ones (a loop given no key). */
export const noSecretKey: SecretBox = {
  seal() {
    throw new DxeError('CONFIG_INVALID', '没有配置密钥，不能保存密码');
  },
  open(stored) {
    if (!isSealed(stored)) return stored;
    throw new DxeError('SECRET_UNREADABLE', '保存的密码无法解密：这个进程没有得到密钥（SECRET_KEY 或数据目录的 secret.key）。');
  },
};
