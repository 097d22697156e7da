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
