// F4 老客回访 by phone and mail (seed 000): the call tasks agents work in 跟进 (masked number,
// 查看号码 for the roles that place calls, outcome and note), the buyer's email address an agent
// records, and the shop's SMTP server (the password is written, never read back). Shared by the
// server and the workbench.
import { z } from 'zod';
import { CALL_OUTCOMES } from '../followups/revisit-channels.js';

export const revisitShopParams = z.object({ shopId: z.string().min(1).max(100) });
export const revisitCallParams = z.object({ shopId: z.string().min(1).max(100), callId: z.string().min(1).max(100) });

export const revisitCallsQuery = z.object({
  state: z.enum(['open', 'done', 'given_up', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const historyEntrySchema = z.object({ at: z.string(), outcome: z.string(), outcomeZh: z.string(), note: z.string().nullable(), by: z.string().nullable() });

export const callTaskViewSchema = z.object({
  id: z.string(),
  buyerId: z.string(),
  buyer: z.string(),
  /** The buyer's VIP tier now (M2), null below every tier. */
  tier: z.string().nullable(),
  lastOrders: z.array(z.object({ orderNo: z.string(), item: z.string().nullable(), state: z.string(), at: z.string().nullable() })),
  /** Always masked (138****1234); the full number only through 查看号码 (audited). */
  phoneMasked: z.string().nullable(),
  script: z.string(),
  dueAt: z.string(),
  state: z.enum(['open', 'done', 'given_up']),
  stateZh: z.string(),
  attempts: z.number(),
  outcome: z.string().nullable(),
  outcomeZh: z.string().nullable(),
  note: z.string().nullable(),
  /** 改约: the task this one was agreed on. */
  previousId: z.string().nullable(),
  history: z.array(historyEntrySchema),
  /** 接手: who is working the task now (display name) and until when; null when free. */
  claimedBy: z.string().nullable(),
  claimedByMe: z.boolean(),
  claimedUntil: z.string().nullable(),
});
export type CallTaskView = z.infer<typeof callTaskViewSchema>;

export const revisitCallsViewSchema = z.object({
  calls: z.array(callTaskViewSchema),
  maxAttempts: z.number(),
  retryHours: z.number(),
  /** May the caller reveal numbers (查看号码)? */
  mayReveal: z.boolean(),
});
export type RevisitCallsView = z.infer<typeof revisitCallsViewSchema>;

export const callOutcomeBody = z
  .strictObject({
    outcome: z.enum(CALL_OUTCOMES, { error: '请选择回访结果：已接通、未接通、拒绝回访或改约' }),
    note: z.string().trim().max(500, '备注不能超过 500 字').nullable().optional(),
    /** 改约: when to call again (ISO time). */
    rescheduleAt: z.iso.datetime({ offset: true, error: '改约时间格式不对' }).nullable().optional(),
  })
  .refine((b) => b.outcome !== 'rescheduled' || !!b.rescheduleAt, { path: ['rescheduleAt'], error: '改约需要填写再次回访的时间' });
export type CallOutcomeBody = z.infer<typeof callOutcomeBody>;

export const callOutcomeReply = z.object({ call: callTaskViewSchema, next: callTaskViewSchema.nullable() });
export type CallOutcomeReply = z.infer<typeof callOutcomeReply>;

export const revealPhoneReply = z.object({ phone: z.string() });
/** 接手 a call task, or let it go (the holder, or a lead for anyone's). */
export const callClaimBody = z.strictObject({ release: z.boolean().optional() });
export const callClaimReply = z.object({ call: callTaskViewSchema });
export type CallClaimReply = z.infer<typeof callClaimReply>;

export const buyerEmailParams = z.object({ shopId: z.string().min(1).max(100), buyerId: z.string().min(1).max(100) });
export const buyerEmailBody = z.strictObject({
  /** null: remove the address. */
  email: z.email({ error: '邮箱格式不对' }).max(200, '邮箱太长').nullable(),
});
export const buyerEmailReply = z.object({ email: z.string().nullable(), masked: z.boolean() });
export type BuyerEmailReply = z.infer<typeof buyerEmailReply>;

const host = z.string().trim().min(1, '请填写发信服务器地址').max(200).regex(/^[A-Za-z0-9.-]+$/, '服务器地址只能包含字母、数字、点和横线');

export const mailSettingsBody = z.strictObject({
  host,
  port: z.number().int().min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间'),
  /** true: TLS from the start (465); false: plain, upgraded by STARTTLS where the server offers it. */
  secure: z.boolean(),
  user: z.string().trim().max(200).nullable().optional(),
  /** Absent: the stored password stays; null: removed. Never returned. */
  password: z.string().max(500).nullable().optional(),
  from: z.email({ error: '发件人邮箱格式不对' }).max(200),
});
export type MailSettingsBody = z.infer<typeof mailSettingsBody>;

export const mailSettingsViewSchema = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  secure: z.boolean(),
  user: z.string().nullable(),
  from: z.string().nullable(),
  /** Whether a password is stored (the password itself is never returned). */
  hasPassword: z.boolean(),
  /** The latest re-visit mails with their state (addresses masked). */
  recent: z.array(z.object({
    id: z.number(),
    to: z.string(),
    subject: z.string(),
    state: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    nextAttemptAt: z.string(),
  })),
});
export type MailSettingsView = z.infer<typeof mailSettingsViewSchema>;
