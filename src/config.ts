// The only reader of process.env (DESIGN). Values come from the environment, then an optional
// JSON config file (DXE_CONFIG or ./dxe.config.json), then defaults; zod validates the result and
// a bad value stops the start with a message naming the variable.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DxeError } from './core/errors.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * TRUST_PROXY: which peers may set X-Forwarded-For (docs/security.md). `off` (default): none, the
 * socket's address is the client. A number: that many proxy hops in front. Otherwise a comma list
 * of addresses or CIDRs (or proxy-addr's names loopback, linklocal, uniquelocal).
 */
const trustProxy = z
  .string()
  .trim()
  .default('off')
  .transform((raw, ctx): false | number | string[] => {
    if (raw === '' || raw === 'off' || raw === 'false' || raw === '0') return false;
    if (/^\d+$/.test(raw)) {
      const hops = Number(raw);
      if (hops > 10) ctx.addIssue({ code: 'custom', message: '代理层数应在 0 到 10 之间' });
      return hops;
    }
    const items = raw.split(',').map((x) => x.trim()).filter(Boolean);
    for (const item of items) {
      if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) continue;
      const [addr, bits, extra] = item.split('/');
      const family = isIP(addr ?? '');
      const maxBits = family === 6 ? 128 : 32;
      const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
      if (!family || !bitsOk || extra !== undefined) {
        ctx.addIssue({ code: 'custom', message: `不是有效的地址或网段: ${item}（示例: 127.0.0.1,10.0.0.0/8 或代理层数 1）` });
      }
    }
    return items;
  });

const configSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, '必须以 redis:// 开头').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Sessions last this many hours. */
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Run the deadline timer loop in this process. */
  TIMERS: z.enum(['on', 'off']).default('on'),
  /**
   * The embedded database (PGlite) of `dxe serve` runs on a thread of its own, so requests keep
   * being parsed, classified and guarded while it works (issue 9, throughput). `off` keeps it on
   * the main thread.
   */
  PGLITE_THREAD: z.enum(['on', 'off']).default('on'),
  /**
   * Messages a marketplace bridge may post per minute, per API token (not per address: one bridge
   * often serves a whole shop from one machine). 6,000/min = 100 msg/s.
   */
  BRIDGE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  TRUST_PROXY: trustProxy,
  /** Login attempts per client address per minute (any account). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failed logins per account within LOGIN_LOCK_MINUTES before the account is locked for the rest of that window. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Widget messages per client address per 10 s, over all visitors from it (buyers behind one NAT
   * share an address). Per visitor the limit is 8 per 10 s whatever the number of sockets.
   */
  WIDGET_MESSAGES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(40),
  /**
   * Prefix of every Redis key and channel of this deployment (issue 10, major 6). Default: derived
   * from the database's identity, so two deployments sharing one Redis never see each other's events.
   */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, '只能包含字母、数字和 _ . : -，最长 64 个字符')
    .optional(),
  /** Changes to a shop's intent examples (each retrains its model) allowed per minute and shop. */
  RETRAIN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(6),
  /** Memory cap of the thread a shop's model trains in, MB. */
  NLU_TRAIN_MEMORY_MB: z.coerce.number().int().min(16).max(16_384).default(1024),
  /**
   * Key that signs the audit chain's checkpoints (HMAC-SHA256), at least 32 characters. Without it
   * no checkpoints are written and `dxe audit verify` cannot detect a recomputed chain.
   */
  AUDIT_CHECKPOINT_KEY: z.string().min(32, '至少 32 个字符').optional(),
  /**
   * The key that seals secrets stored for use (a shop's SMTP password, F4) in the database. Any
   * passphrase of at least 16 characters; every process of one deployment needs the same. Without
   * it, DATA_DIR/secret.key is made on first use (enough for one process or one data folder).
   */
  SECRET_KEY: z.string().min(16, '至少 16 个字符').optional(),
  /** Minutes between two signed audit checkpoints. */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
});

export type Config = z.infer<typeof configSchema>;

const KEYS = Object.keys(configSchema.shape) as (keyof Config)[];

function readConfigFile(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.DXE_CONFIG ?? resolve('dxe.config.json');
  if (!existsSync(path)) {
    if (env.DXE_CONFIG) throw new DxeError('CONFIG_INVALID', `配置文件不存在: ${path} (DXE_CONFIG)`);
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('顶层必须是对象');
    }
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new DxeError('CONFIG_INVALID', `配置文件 ${path} 无法读取: ${(err as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = readConfigFile(env);
  const merged: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = env[key] !== undefined && env[key] !== '' ? env[key] : fromFile[key];
    if (value !== undefined) merged[key] = value;
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new DxeError('CONFIG_INVALID', `配置有误 — ${lines.join('; ')}`, result.error.issues);
  }
  return result.data;
}
