// Request bodies of the settings screens (C12 standard answers, O5 items and stock, C7 promotions,
// P1 rule overrides, agents, API tokens, B1 a shop's own intent examples): the server validates
// with them, the workbench types its forms with them.
import { z } from 'zod';
import { INTENT_IDS } from '../intents.js';

export const shopParams = z.object({ shopId: z.string().min(1).max(100) });
export const tokenParams = z.object({ id: z.string().min(1).max(100) });
export const exampleParams = shopParams.extend({ id: z.string().min(1).max(100) });

/** Keys of the bot's flow steps that are not buyer intents (welcome, verify, handover…). */
const FLOW_KEYS = new Set(['welcome', 'verify', 'handover', 'clarify', 'interest', 'aftersales']);
const head = (key: string) => key.split('.')[0] ?? '';
/** An answer key is an intent (B2) or `intent.situation` as the bot's library names them (stock.in). */
const answerKey = z
  .string()
  .regex(/^[a-z_]+(\.[a-z_]+)?$/, '话术键应为意图或“意图.情形”')
  .max(64)
  .refine((k) => (INTENT_IDS as readonly string[]).includes(head(k)) || FLOW_KEYS.has(head(k)), '未知的意图');

export const standardAnswersInput = z.object({
  items: z
    .array(z.object({ intent: answerKey, variants: z.array(z.string().trim().min(1).max(500)).min(1, '至少填写一种说法').max(20) }))
    .min(1)
    .max(200),
});
export type StandardAnswersInput = z.infer<typeof standardAnswersInput>;

const text = (max: number) => z.string().trim().min(1).max(max);
const variantInput = z.object({ colour: z.string().max(40).default(''), size: z.string().max(40).default(''), stock: z.number().int().min(0).max(1_000_000) });

export const itemsInput = z.object({
  items: z
    .array(
      z.object({
        sku: text(64),
        title: text(200).optional(),
        category: text(40).optional(),
        priceFen: z.number().int().min(0).max(100_000_000).optional(),
        listed: z.boolean().optional(),
        /** D5: the item's own 包邮 promise; null: follow the shop's setting. */
        freeShipping: z.boolean().nullable().optional(),
        variants: z.array(variantInput).max(500).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type ItemsInput = z.infer<typeof itemsInput>;

export const promotionsInput = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(['coupon', 'gift', 'freight', 'discount']),
        text: z.string().trim().min(1).max(200),
        value: z.record(z.string(), z.unknown()).default({}),
        startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
        endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
        active: z.boolean().default(true),
      }),
    )
    .max(100),
});
export type PromotionsInput = z.infer<typeof promotionsInput>;

export const ruleOverridesInput = z.object({ overrides: z.record(z.string(), z.unknown()) });
export type RuleOverridesInput = z.infer<typeof ruleOverridesInput>;

export const newAgentInput = z.object({
  login: z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,32}$/, '登录名只能包含字母、数字、_ . -（2–32 位）'),
  displayName: z.string().trim().min(1).max(40),
  agentNo: z.string().trim().max(16).optional(),
  password: z.string().min(8, '密码至少 8 位').max(256),
  role: z.enum(['admin', 'supervisor', 'agent']).default('agent'),
  shopIds: z.array(z.string().min(1).max(100)).max(100).default([]),
});
export type NewAgentInput = z.infer<typeof newAgentInput>;

/** PATCH /agents/:id (issue 15): any of these; `disabled: true` ends their sessions and re-queues their chats. */
export const updateAgentInput = z
  .object({
    displayName: z.string().trim().min(1, '显示名不能为空').max(40),
    agentNo: z.string().trim().max(16).nullable(),
    role: z.enum(['admin', 'supervisor', 'agent']),
    shopIds: z.array(z.string().min(1).max(100)).max(100),
    password: z.string().min(8, '密码至少 8 位').max(256),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateAgentInput = z.infer<typeof updateAgentInput>;
export const agentParams = z.object({ id: z.string().min(1).max(100) });

/** What an API token may do (issue 10): bridge (a marketplace bridge), read, admin — docs/security.md. */
export const TOKEN_SCOPES = ['bridge', 'read', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const newApiTokenInput = z.object({
  name: z.string().trim().min(1).max(60),
  shopId: z.string().min(1).max(100).optional(),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: '权限应为 bridge、read 或 admin' })).min(1).max(3).default(['bridge']),
});
export type NewApiTokenInput = z.infer<typeof newApiTokenInput>;

export const trainingExamplesInput = z.object({
  items: z
    .array(z.object({ text: z.string().trim().min(1, '例句不能为空').max(200, '例句最多 200 字'), intent: z.enum(INTENT_IDS) }))
    .min(1)
    .max(500, '一次最多添加 500 条'),
});
export type TrainingExamplesInput = z.infer<typeof trainingExamplesInput>;

/**
 * Issue 11: a text checked by the reply guard where it is written (standard answers, offers…). A
 * blocking finding refuses the save (TEXT_BLOCKED); warnings save and come back with the reply.
 */
export const textFindingSchema = z.object({
  where: z.string(),
  rule: z.string(),
  /** The rule's Chinese name. */
  title: z.string(),
  severity: z.enum(['block', 'warn']),
  points: z.number(),
  message: z.string(),
  rewrite: z.string(),
  suspected: z.boolean().optional(),
  reason: z.string().optional(),
});
export type TextFindingView = z.infer<typeof textFindingSchema>;
export const savedWithWarningsReply = z.object({ ok: z.literal(true), warnings: z.array(textFindingSchema) });
export type SavedWithWarningsReply = z.infer<typeof savedWithWarningsReply>;
