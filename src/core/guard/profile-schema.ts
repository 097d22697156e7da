// The `guard:` section of a rule profile (D1–D11): every phrase list, pattern, message and
// rewrite text the reply guard uses. Owned by the guard; the profile schema in core/rules embeds
// it. Patterns are JavaScript regular expressions (no flags) matched against the normalised views
// described in normalize.ts; they are validated (compiled) at load so a bad pattern fails early.
import { z } from 'zod';

export const RULE_IDS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const PROMISE_KINDS = [
  'gift',
  'invoice',
  'freight',
  'discount',
  'return',
  'repair',
  'courier',
  'delivery_time',
  'other',
] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

const regexSource = z.string().min(1).superRefine((src, ctx) => {
  try {
    new RegExp(src);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `invalid pattern ${src}: ${String(err)}` });
  }
});

const patternList = z.array(regexSource).default([]);

/** Text shown to the buyer; AliExpress replies are mostly English. */
const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const ruleSchema = z.object({
  severity: z.enum(['block', 'warn']),
  /** Short Chinese title used in messages, e.g. 站外交易. */
  title: z.string().min(1),
  /** Chinese explanation for a new agent; `{cost}` is replaced by the penalty sentence. */
  message: z.string().min(1),
  /** Patterns on the compact view (no spaces, punctuation or emoji; lower case). */
  patterns: patternList,
  /** Patterns on the compact view with number words turned into digits (phones, QQ, cards). */
  digit_patterns: patternList,
  /** Patterns on the loose view (normalised but spaces and punctuation kept): URLs, e-mail, English. */
  loose_patterns: patternList,
  /** Whether a nearby negation (我们不支持…, 请勿…) makes a hit an innocent mention. */
  negatable: z.boolean().default(true),
  /**
   * Hits must lie inside one clause. Off for the lexical rules (D1, D2, D3, D9) whose words are
   * split by punctuation to evade; on for statements (电子发票，不提供纸质发票 is no refusal).
   */
  within_clause: z.boolean().default(false),
  /** clause: replace the sentence holding the hit; span: replace the hit; reply: replace everything. */
  rewrite_mode: z.enum(['clause', 'span', 'reply']).default('clause'),
  rewrite: localized,
});
export type GuardRule = z.infer<typeof ruleSchema>;

const phoneSchema = z.object({
  /** Digit runs (after number words become digits) that are phone numbers. */
  numbers: patternList,
  /** Words just before a digit run that make it an order/tracking number, not a phone. */
  not_after: patternList,
  lookbehind: z.number().int().min(0).max(40).default(8),
});

const invoiceSchema = z.object({
  /** Excuses that are allowed only with a dated promise and shop-paid postage. */
  excuses: patternList,
  remedy_date: patternList,
  remedy_postage: patternList,
});

const freeShippingSchema = z.object({
  /** Regions legitimately outside 包邮 (seed 001: 包邮 covers the mainland only). */
  exemptions: patternList,
});

const toneSchema = z.object({
  one_word: z.array(z.object({ word: z.string().min(1), polite: localized })).default([]),
  /** `clause`: the polite form replaces the whole clause (English sentences do not splice). */
  blaming: z.array(z.object({ pattern: regexSource, polite: z.string().min(1), clause: z.boolean().default(false) })).default([]),
  negatives: patternList,
  reasons: patternList,
  benign: patternList,
  /** Replies longer than this (compact characters) are not checked for bare negatives. */
  max_bare_negative_length: z.number().int().min(1).default(14),
  negative_suffix: localized,
});

const deliverySchema = z.object({
  /** Named group `days` in a D11 pattern → an approximate day count for the rewrite. */
  day_words: z.record(z.string(), z.string()).default({}),
  template: localized,
});

export const guardProfileSchema = z.object({
  locale: z.enum(['zh', 'en']).default('zh'),
  normalize: z.object({
    /** Look-alikes, variant and disguise characters → their canonical character. */
    char_map: z.record(z.string(), z.string()).default({}),
    /** Number words and digit look-alikes → ASCII digits (one character each). */
    digit_map: z.record(z.string().length(1), z.string().regex(/^\d$/)).default({}),
    /** Characters that end a clause (negation scope, clause rewrites). */
    clause_breaks: z.string().default('，。！？；!?;\n'),
    /** Characters kept in the compact view besides letters and digits. */
    keep: z.string().default('+@'),
  }),
  negation: z.object({
    before: patternList,
    after: patternList,
    /** Markers that turn a negated mention back into an instruction (…便宜, 加我…). */
    override: patternList,
    window: z.number().int().min(1).max(40).default(12),
    window_latin: z.number().int().min(1).max(80).default(40),
  }),
  /** Previous outgoing messages joined with the reply to catch split evasions. */
  split_window: z.number().int().min(0).max(10).default(4),
  rules: z.object({
    D1: ruleSchema,
    D2: ruleSchema.extend({ phone: phoneSchema }),
    D3: ruleSchema,
    D4: ruleSchema.extend({ invoice: invoiceSchema }),
    D5: ruleSchema.extend({ free_shipping: freeShippingSchema }),
    D6: ruleSchema,
    D7: ruleSchema,
    /** D8 in one reply: a promise made earlier withdrawn in this reply (issue 11 round 7). */
    D8: ruleSchema.optional(),
    D9: ruleSchema,
    D10: ruleSchema.extend({ tone: toneSchema }),
    D11: ruleSchema.extend({ delivery: deliverySchema }),
  }),
  /** D8: commitments made in chat, by kind (N2: breaking one costs points). */
  promises: z.partialRecord(z.enum(PROMISE_KINDS), patternList).default({}),
  /** Per-shop additions: extra patterns for a rule without restating the whole list. */
  extra_patterns: z.partialRecord(z.enum(RULE_IDS), patternList).default({}),
  /** Penalty sentence; `{points}` and `{title}` are filled in. */
  cost_text: z.object({ with_points: z.string(), without_points: z.string() }),
});

export type GuardProfile = z.infer<typeof guardProfileSchema>;
