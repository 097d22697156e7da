// Login throttling per account (issue 10, Major 3). The per-address limit is the login route's
// rate limit (LOGIN_RATE_PER_MINUTE, keyed by the client address that TRUST_PROXY makes honest);
// this one counts failed logins per account name, whatever address they come from, so a
// password cannot be guessed by spreading attempts over many addresses.
//
// In-process by design (docs/security.md): each server process keeps its own counts, bounded in
// size; unknown account names are counted like real ones so the lock does not reveal accounts.
import { DxeError } from '../../core/errors.js';
import type { LoginGuard } from './auth.js';

export interface LoginThrottleOptions {
  /** Failed logins allowed per account within `windowMs`. */
  maxFailures: number;
  windowMs: number;
  /** Accounts remembered at most (oldest forgotten first). */
  maxAccounts?: number;
}

export class LoginThrottle implements LoginGuard {
  private readonly failures = new Map<string, number[]>();
  private readonly maxAccounts: number;

  constructor(private readonly opts: LoginThrottleOptions) {
    this.maxAccounts = opts.maxAccounts ?? 50_000;
  }

  private key(login: string): string {
    return login.normalize('NFKC').trim().toLowerCase();
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.opts.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** LOGIN_THROTTLED (429) while the account has too many recent failures — even for the right password. */
  check(login: string, now: Date): void {
    const at = now.getTime();
    const list = this.recent(this.key(login), at);
    if (list.length < this.opts.maxFailures) return;
    const until = list[list.length - this.opts.maxFailures]! + this.opts.windowMs;
    const minutes = Math.max(1, Math.ceil((until - at) / 60_000));
    throw new DxeError('LOGIN_THROTTLED', `该账号登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试`, { retryAfterSeconds: Math.ceil((until - at) / 1000) });
  }

  failed(login: string, now: Date): void {
    const key = this.key(login);
    const list = this.recent(key, now.getTime());
    list.push(now.getTime());
    this.failures.delete(key);
    this.failures.set(key, list.slice(-this.opts.maxFailures));
    if (this.failures.size > this.maxAccounts) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  succeeded(login: string): void {
    this.failures.delete(this.key(login));
  }
}
