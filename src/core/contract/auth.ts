// Logins (issue 2 §7).
import { z } from 'zod';

export const loginBody = z.object({
  login: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginBody = z.infer<typeof loginBody>;
