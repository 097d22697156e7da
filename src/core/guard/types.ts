// Public shapes of the reply guard (D1–D11, EVAL §2).
import type { PromiseKind, RuleId } from './profile-schema.js';
import type { CompiledGuard, Hit } from './compile.js';
import type { TextView } from './normalize.js';

export interface GuardContext {
  /** The item or shop promises 包邮 (D5). */
  freeShipping?: boolean;
  /** The asking account is the one that placed the order under discussion (D6). */
  askerIsBuyer?: boolean;
  /** Earlier outgoing messages of the same conversation, oldest first (split evasions). */
  previousOutgoing?: readonly string[];
  locale?: 'zh' | 'en';
  /** The platform the shop is on (D2: naming the shop's own platform is no violation). Filled
   * from the profile by checkReply when the caller leaves it out. */
  platform?: string;
  /** The shop's own name (D2: 小二服饰旗舰店 in the shop's own greeting is no other shop). */
  shopName?: string;
}

export interface Violation {
  rule: RuleId;
  severity: 'block' | 'warn';
  points: number;
  span: [number, number];
  message: string;
  rewrite: string;
  /**
   * Set when the finding comes from a learned or fuzzy signal rather than a definite rule match
   * (issue 11): shown to the agent as 疑似 with its reason; always `severity: 'warn'`.
   */
  suspected?: boolean;
  /** Why a suspected finding was raised (Chinese, for the agent). */
  reason?: string;
}

export interface ReplyPromise {
  kind: PromiseKind;
  text: string;
  span: [number, number];
}

export interface GuardResult {
  verdict: 'block' | 'warn' | 'pass';
  violations: Violation[];
  promises: ReplyPromise[];
}

export interface DetectInput {
  c: CompiledGuard;
  /** The view detectors of scope `all` see: previous outgoing messages + this reply. */
  view: TextView;
  ctx: GuardContext;
  locale: 'zh' | 'en';
}

export interface Detector {
  rule: RuleId;
  /** `all`: sees earlier short messages too (split evasions); `own`: this reply only. */
  scope: 'all' | 'own';
  detect(input: DetectInput): Hit[];
}
