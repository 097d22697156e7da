// Logins (issue 2 §7).
import { z } from 'zod';

export const loginBody = z.object({
  login: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

/** POST /ws/ticket: a one-time ticket that opens the realtime socket (issue 10, major 4). */
export const wsTicketReply = z.object({ ticket: z.string(), expiresInSeconds: z.number().int() });
export type WsTicketReply = z.infer<typeof wsTicketReply>;
