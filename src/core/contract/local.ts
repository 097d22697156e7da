// The local API a `dxe` command on the same machine uses while `dxe serve` owns an embedded data
// folder (issue 10, critical 2; server/routes/local.ts): loopback only, with the server's local
// token. Its request bodies are strict: an unknown field is refused.
import { z } from 'zod';
import { PLATFORMS } from '../platforms.js';

export const localImportBody = z.strictObject({
  file: z.string().min(1).max(4096).refine((p) => p.startsWith('/'), '需要绝对路径'),
  platform: z.enum(PLATFORMS),
  shop: z.string().min(1).max(64).optional(),
  format: z.string().min(1).max(64).optional(),
});
export const localChatShopBody = z.strictObject({ shopId: z.string().min(1).max(64) });
export const localChatItemBody = z.strictObject({ shopId: z.string().min(1).max(64), ref: z.string().min(1).max(200) });
export const localChatSendBody = z.strictObject({
  shopId: z.string().min(1).max(64),
  buyer: z.string().min(1).max(100),
  messageId: z.string().min(1).max(200),
  text: z.string().min(1).max(2000),
  itemId: z.string().min(1).max(64).optional(),
});

// Replies of the local API (what `dxe import orders`, `dxe audit` and `dxe chat` read back).

/** POST /local/import-orders: the import's summary (O4). */
export const localImportReply = z.object({
  imported: z.number(),
  updated: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ line: z.number(), reason: z.string() })),
  errorCount: z.number(),
  format: z.string(),
  encoding: z.string(),
});

/** POST /local/audit/verify: whether the audit chain and its signed checkpoints are intact. */
export const localAuditReportReply = z.object({
  intact: z.boolean(),
  rows: z.number(),
  newestId: z.number().nullable(),
  checkpoints: z.number(),
  checkpointsChecked: z.boolean(),
  unanchoredRows: z.number(),
  problems: z.array(z.object({ kind: z.string(), id: z.number(), messageZh: z.string() })),
  warningsZh: z.array(z.string()),
});

/** POST /local/audit/checkpoint: the signed checkpoint written (null: no new rows to anchor). */
export const localCheckpointReply = z.object({
  checkpoint: z
    .object({
      id: z.number(),
      /** ISO time (a Date serialised). */
      at: z.string(),
      lastId: z.number(),
      lastHash: z.string(),
      rowCount: z.number(),
      prevSignature: z.string(),
      signature: z.string(),
    })
    .nullable(),
});

/** POST /local/chat/shop: the shop `dxe chat` talks to and the bot's persona name. */
export const localChatShopReply = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.string(),
  agentName: z.string(),
  botName: z.string(),
});

/** POST /local/chat/item: the item card a `/item` reference names, if any. */
export const localChatItemReply = z.object({ item: z.object({ id: z.string(), title: z.string() }).nullable() });

/** POST /local/chat/send: the bot's replies to one buyer line, with the plan `dxe chat` prints under them. */
export const localChatTurnReply = z.object({
  replies: z.array(z.string()),
  plan: z
    .object({
      intent: z.string(),
      confidence: z.number(),
      blocked: z.number(),
      stage: z.string(),
      misunderstandings: z.number(),
      recommendations: z.array(z.unknown()),
      answered: z.array(z.string()),
      language: z.enum(['zh', 'en']),
    })
    .optional(),
  itemTitles: z.record(z.string(), z.string()),
});
export type LocalImportReply = z.infer<typeof localImportReply>;
export type LocalAuditReportReply = z.infer<typeof localAuditReportReply>;
export type LocalCheckpointReply = z.infer<typeof localCheckpointReply>;
export type LocalChatShopReply = z.infer<typeof localChatShopReply>;
export type LocalChatItemReply = z.infer<typeof localChatItemReply>;
export type LocalChatTurnReply = z.infer<typeof localChatTurnReply>;
