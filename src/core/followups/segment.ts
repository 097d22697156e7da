// Segments for targeted messages (issue 14: F4, M2). A marketing flow (老客回访 and the like) may
// go to a chosen segment of the shop's buyers: VIP tier(s) (`none`: below every tier) and/or buyer
// tags. A buyer is in the segment when their tier is one of the tiers (any tier when none is
// chosen) AND they carry one of the tags (any buyer when no tag is chosen). Service messages
// (shipment, arrival, 催付…) are never narrowed: every buyer of the order is owed them. Pure.
import { z } from 'zod';

export const segmentSchema = z.strictObject({
  tiers: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/, '会员等级编号不正确')).max(7).default([]),
  tags: z.array(z.string().trim().min(1).max(20, '标签不能超过 20 字')).max(20).default([]),
});
export type Segment = z.infer<typeof segmentSchema>;

/** A stored segment (jsonb) read back; anything unreadable or empty is "every buyer" (null). */
export function readSegment(v: unknown): Segment | null {
  const parsed = segmentSchema.safeParse(v);
  if (!parsed.success) return null;
  return parsed.data.tiers.length === 0 && parsed.data.tags.length === 0 ? null : parsed.data;
}

/** What membership reads of a buyer: their tier id (null: below every tier) and tags. */
export interface SegmentBuyer {
  tier: string | null;
  tags: readonly string[];
}

export function inSegment(seg: Segment | null, b: SegmentBuyer): boolean {
  if (!seg) return true;
  if (seg.tiers.length > 0 && !seg.tiers.includes(b.tier ?? 'none')) return false;
  if (seg.tags.length > 0 && !seg.tags.some((t) => b.tags.includes(t))) return false;
  return true;
}

/** The segment in words, for the preview, the log and the workbench (zh). */
export function segmentLabel(seg: Segment | null, tierName: (id: string) => string): string {
  if (!seg) return '全部买家';
  const parts: string[] = [];
  if (seg.tiers.length) parts.push(`会员等级：${seg.tiers.map((t) => (t === 'none' ? '未达等级' : tierName(t))).join('、')}`);
  if (seg.tags.length) parts.push(`标签：${seg.tags.join('、')}`);
  return parts.join('；');
}
