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
