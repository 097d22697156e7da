// Penalty points (N2, N3, N4) from the profile's `penalties` section. The reply guard reads the
// D-rule points from here too, so one figure has one home.
import type { Profile } from '../rules/schema.js';

/** Points for a reply-guard rule (D1–D11) on this platform; 0 when the seeds give none. */
export function pointsForRule(profile: Pick<Profile, 'penalties'>, ruleId: string): number {
  return profile.penalties.by_rule[ruleId]?.points ?? 0;
}

export interface MismatchPenalty {
  points: number;
  serious: boolean;
  action: string;
}

/**
 * Description mismatch (N3): the `count`-th upheld case of this kind (1 = first). From
 * `severe_from_count` on, the points count as serious violations.
 */
export function descriptionMismatchPenalty(
  profile: Pick<Profile, 'penalties'>,
  kind: string,
  count: number,
): MismatchPenalty | null {
  const entry = profile.penalties.description_mismatch[kind];
  if (!entry || count < 1) return null;
  return {
    points: count === 1 ? entry.points_first : entry.points_repeat,
    serious: entry.severe_from_count !== null && count >= entry.severe_from_count,
    action: entry.action,
  };
}

export interface RemovalRisk {
  threshold: number | null;
  remaining: number | null;
  removed: boolean;
}

/** How far a shop is from removal for serious points (N4: Tmall 48). */
export function removalRisk(profile: Pick<Profile, 'penalties'>, seriousPoints: number): RemovalRisk {
  const rule = profile.penalties.removal_at_serious_points;
  if (!rule) return { threshold: null, remaining: null, removed: false };
  return {
    threshold: rule.points,
    remaining: Math.max(0, rule.points - seriousPoints),
    removed: seriousPoints >= rule.points,
  };
}
