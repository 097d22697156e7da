// The `guard:` section of a rule profile (lists, patterns, points for rules D1–D11).
// Owned by the guard; the profile schema in core/rules embeds it.
import { z } from 'zod';

export const guardProfileSchema = z.object({}).passthrough();
export type GuardProfile = z.infer<typeof guardProfileSchema>;
