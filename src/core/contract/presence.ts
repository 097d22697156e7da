// C17: an agent's presence (online / away / offline) as the workbench reads and sets it.
import { z } from 'zod';

export const PRESENCES = ['online', 'away', 'offline'] as const;

export const setPresenceBody = z.strictObject({ status: z.enum(PRESENCES) });

export const presenceViewSchema = z.object({
  presence: z.enum(PRESENCES),
  /** The status the agent chose, or null (online after login). */
  choice: z.enum(PRESENCES).nullable(),
  /** Why the presence is what it is (Chinese). */
  reasonZh: z.string(),
  autoAwayMinutes: z.number().int(),
  idleAlertMinutes: z.number().int(),
  /** Chats waiting for a reply that moved to a colleague or back to the queue by this change. */
  requeued: z.number().int(),
});
export type PresenceView = z.infer<typeof presenceViewSchema>;

/** C17/T2: a shop's presence minutes (rules/common.yaml `presence`, overridden per shop). */
export const presenceSettingsParams = z.strictObject({ shopId: z.string().min(1).max(100) });
const minutes = z.number().int().min(1, '至少 1 分钟').max(24 * 60, '最多 1440 分钟').nullable();
export const presenceSettingsBody = z.strictObject({ autoAwayMinutes: minutes, idleAlertMinutes: minutes, offlineAfterMinutes: minutes });
const triple = z.object({ autoAwayMinutes: z.number(), idleAlertMinutes: z.number(), offlineAfterMinutes: z.number() });
export const presenceSettingsSchema = z.object({
  shopId: z.string(),
  defaults: triple.extend({ noteZh: z.string() }),
  override: z.object({ autoAwayMinutes: z.number().nullable(), idleAlertMinutes: z.number().nullable(), offlineAfterMinutes: z.number().nullable() }),
  effective: triple,
});
export type PresenceSettingsView = z.infer<typeof presenceSettingsSchema>;
