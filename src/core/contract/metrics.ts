// The dashboard's query (T1–T3): range, scope, grouping, the idle threshold for T2.
import { z } from 'zod';

export const dashboardQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  shopId: z.string().min(1).max(100).optional(),
  groupBy: z.enum(['agent', 'shop', 'day']).default('day'),
  idleMinutes: z.coerce.number().int().min(1).max(24 * 60).default(5),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;
