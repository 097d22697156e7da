// The marketplaces dianxiaoer serves (P1): one rule profile each under rules/, and the only list
// of their ids — the CLI, the importers, the rule loader and the web import it from here.
import { z } from 'zod';

export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'aliexpress'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

export function isPlatform(value: unknown): value is Platform {
  return platformSchema.safeParse(value).success;
}
