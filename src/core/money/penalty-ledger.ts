// A shop's penalty-points ledger (N2, N3, N4): from what the product knows — orders shipped late,
// blocked replies a supervisor sent anyway, promises judged broken, description-mismatch
// complaints an agent recorded on a case — the points the shop has incurred or is exposed to in
// the platform's counting period, serious and general apart, and how far it is from removal.
// Every figure comes from the profile (`penalties`, `late_shipment`); time is passed in.
import type { Profile } from '../rules/schema.js';
import { beijingParts, fromBeijingWallClock } from '../time/beijing-time.js';
import { yuanToFen } from './fen.js';
import { lateCompensationFen, lateShipment, termsInCurrency } from './late-shipment.js';
import { descriptionMismatchPenalty, pointsForRule, removalRisk } from './penalty-points.js';

/**
 * exposure: at stake if the buyer complains and the platform upholds it; incurred: charged (or, for
 * an unpaid late shipment past the ruling time, estimated charged); waived: paid before the ruling;
 * dismissed: the platform ruled the complaint not upheld (no points).
 */
export type LedgerStatus = 'exposure' | 'incurred' | 'waived' | 'dismissed';
export type LedgerSource = 'late_shipment' | 'released_reply' | 'broken_promise' | 'description_mismatch' | 'manual';

export interface LedgerEntry {
  source: LedgerSource;
  /** What the entry is about: the order (late shipment), the message sent, the promise, the case. */
  subjectKind: 'order' | 'message' | 'promise' | 'case' | 'record';
  subjectId: string;
  orderId: string | null;
  conversationId: string | null;
  /** D rule (D4…), `N2` (late shipment) or `N3.<kind>` (description mismatch). */
  ruleId: string;
  titleZh: string;
  points: number;
  serious: boolean;
  /** ISO: when the breach happened (deadline passed, reply sent, promise judged, case recorded). */
  at: string;
  status: LedgerStatus;
  /** Money owed to the buyer for it (minor units of `currency`; 0 when none). */
  compensationMinor: number;
  /** Paid to the platform again if it rules first (minor units). */
  platformRepayMinor: number;
  currency: string;
  noteZh: string;
}

export interface LateShipmentFact {
  orderId: string;
  paidAt: Date | null;
  shippedAt: Date | null;
  agreedShipBy: Date | null;
  /** Major units (yuan for CNY) of what the buyer paid. */
  paidAmount: number;
  currency: string;
  /** When the platform's ruling is expected (the compensate-before-ruling deadline); null: not scheduled. */
  rulingDueAt: Date | null;
  compensationPaidAt: Date | null;
}

export interface ReleasedReplyFact {
  messageId: number;
  conversationId: string;
  sentAt: Date;
  /** The rules that blocked the reply. */
  rules: string[];
  reason: string | null;
  /** The platform's ruling on a complaint about it, when recorded: upheld or not. */
  upheld?: boolean | null;
}

export interface BrokenPromiseFact {
  promiseId: string;
  orderId: string | null;
  conversationId: string | null;
  /** The guard's promise kind (gift, invoice, discount, courier…). */
  kind?: string;
  /** What the buyer paid for the order (major units) and its currency, when the promise has an order. */
  paidAmount?: number | null;
  currency?: string;
  text: string;
  settledAt: Date;
  upheld?: boolean | null;
}

export interface MismatchFact {
  caseId: string;
  orderId: string;
  kind: string;
  recordedAt: Date;
  upheld: boolean;
}

/** A deduction the platform notified that the product cannot see (special promise, refused price…). */
export interface ManualFact {
  recordId: string;
  /** A key of the profile's point table (special_promise…) or a D rule. */
  category: string;
  orderId: string | null;
  paidAmount?: number | null;
  currency?: string;
  at: Date;
  note: string | null;
}

export interface LedgerFacts {
  lateShipments: LateShipmentFact[];
  releasedReplies: ReleasedReplyFact[];
  brokenPromises: BrokenPromiseFact[];
  mismatches: MismatchFact[];
  manual?: ManualFact[];
}

/** The categories a manual deduction may name on this profile, with their points and titles. */
export function manualCategories(profile: Pick<Profile, 'penalties'>): { key: string; points: number; title: string }[] {
  return [
    ...Object.entries(profile.penalties.table).map(([key, e]) => ({ key, points: e.points, title: e.title })),
    ...Object.entries(profile.penalties.by_rule).map(([key, e]) => ({ key, points: e.points, title: e.title })),
  ];
}

function manualEntries(profile: Profile, facts: ManualFact[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const f of facts) {
    const cat = manualCategories(profile).find((c) => c.key === f.category);
    if (!cat) continue;
    const currency = f.currency ?? 'CNY';
    // The 3-point category carries the 5 % compensation (seed 000), on the same terms as a late shipment.
    const comp = f.category === 'late_or_price' && f.paidAmount ? lateCompensationFen(yuanToFen(f.paidAmount), termsInCurrency(profile.late_shipment, currency)) : 0;
    out.push({
      source: 'manual', subjectKind: 'record', subjectId: f.recordId, orderId: f.orderId, conversationId: null,
      ruleId: /^D\d+$/.test(f.category) ? f.category : `N2.${f.category}`, titleZh: cat.title, points: cat.points, serious: false,
      at: f.at.toISOString(), status: 'incurred', compensationMinor: comp, platformRepayMinor: 0, currency,
      noteZh: `平台通知的扣分，人工登记${f.note ? `：${f.note}` : ''}。`,
    });
  }
  return out;
}

export interface CountingPeriod {
  from: string;
  to: string;
  labelZh: string;
}

export interface PointsTally {
  serious: number;
  general: number;
}

export interface RemovalView {
  /** null: the platform has no removal line in the rules. */
  threshold: number | null;
  remaining: number | null;
  /** Remaining if every exposure still open were upheld. */
  remainingIfUpheld: number | null;
  level: 'none' | 'ok' | 'warning' | 'removed';
  textZh: string;
}

export interface ShopLedger {
  period: CountingPeriod;
  incurred: PointsTally;
  exposure: PointsTally;
  waived: number;
  removal: RemovalView;
  entries: LedgerEntry[];
}

/** N2/N4: the counting period containing `now` (the Beijing calendar year, a project default). */
export function countingPeriod(profile: Pick<Profile, 'penalties'>, now: Date): CountingPeriod {
  // One kind today; the profile names it so a platform or shop can state another later.
  void profile.penalties.counting_period.kind;
  const year = beijingParts(now).year;
  const from = new Date(fromBeijingWallClock(year, 1, 1)!);
  const to = new Date(fromBeijingWallClock(year + 1, 1, 1)!);
  return { from: from.toISOString(), to: to.toISOString(), labelZh: `${year}年度（北京时间 1月1日—12月31日）` };
}

const inPeriod = (p: CountingPeriod, at: Date) => at.getTime() >= Date.parse(p.from) && at.getTime() < Date.parse(p.to);

function lateEntries(profile: Profile, facts: LateShipmentFact[], now: Date): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const t = profile.late_shipment;
  for (const f of facts) {
    const r = lateShipment(
      {
        paidAmountYuan: f.paidAmount,
        currency: f.currency,
        paidAt: f.paidAt?.toISOString() ?? null,
        shippedAt: f.shippedAt?.toISOString() ?? null,
        now: now.toISOString(),
        agreedShipBy: f.agreedShipBy?.toISOString() ?? null,
      },
      profile,
    );
    if (!r.late || r.deadlineMs === null) continue;
    const paid = f.compensationPaidAt;
    const ruling = f.rulingDueAt;
    let status: LedgerStatus;
    let noteZh: string;
    if (paid && (ruling === null || paid.getTime() <= ruling.getTime())) {
      status = 'waived';
      noteZh = `已于平台判定前主动赔付，${r.points > 0 ? `免扣 ${r.points} 分` : '不扣分'}。`;
    } else if (paid) {
      status = 'incurred';
      noteZh = '赔付晚于平台判定时限，按扣分计。';
    } else if (ruling && now.getTime() > ruling.getTime()) {
      status = 'incurred';
      noteZh = '估计已扣分：平台判定时限已过，未记录主动赔付。';
    } else {
      status = 'exposure';
      noteZh = r.points > 0 ? `平台判定前主动赔付可免扣 ${r.points} 分。` : '请尽快赔付买家并发货。';
    }
    out.push({
      source: 'late_shipment',
      subjectKind: 'order',
      subjectId: f.orderId,
      orderId: f.orderId,
      conversationId: null,
      ruleId: 'N2',
      titleZh: '延迟发货',
      points: r.points,
      serious: false,
      at: new Date(r.deadlineMs).toISOString(),
      status,
      // Minor units of the order's own currency (the rate applies to any currency; floor and cap to yuan only).
      compensationMinor: r.compensationFen,
      platformRepayMinor: status !== 'waived' && t.repay_platform_after_upheld_complaint ? r.compensationFen : 0,
      currency: f.currency,
      noteZh,
    });
  }
  return out;
}

const RULED = { true: ['incurred', '（平台已判定成立）'], false: ['dismissed', '（平台判定投诉不成立，不扣分）'] } as const;
function ruled(upheld: boolean | null | undefined): { status: LedgerStatus; suffix: string } {
  if (upheld === true || upheld === false) {
    const [status, suffix] = RULED[String(upheld) as 'true' | 'false'];
    return { status, suffix };
  }
  return { status: 'exposure', suffix: '' };
}

function replyEntries(profile: Profile, facts: ReleasedReplyFact[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const f of facts) {
    const r = ruled(f.upheld);
    for (const rule of [...new Set(f.rules)].sort()) {
      const points = pointsForRule(profile, rule);
      out.push({
        source: 'released_reply',
        subjectKind: 'message',
        subjectId: String(f.messageId),
        orderId: null,
        conversationId: f.conversationId,
        ruleId: rule,
        titleZh: profile.penalties.by_rule[rule]?.title ?? `违规回复（${rule}）已发出`,
        points,
        serious: false,
        at: f.sentAt.toISOString(),
        status: r.status,
        compensationMinor: 0,
        platformRepayMinor: 0,
        currency: 'CNY',
        noteZh: `被拦截的回复经主管强制发出${f.reason ? `（理由：${f.reason}）` : ''}；买家投诉成立即扣分${points === 0 ? '（规则未给出该平台的分值）' : ''}${r.suffix}。`,
      });
    }
  }
  return out;
}

// Seed 000's point table: a refused agreed discount or an agreed courier not used is the 3-point
// category with the 5 % compensation (same terms as a late shipment); any other broken promise is
// a broken trade promise (D8). Where a platform states no table, D8 is the one figure.
const THREE_POINT_KINDS = new Set(['discount', 'courier']);

function promiseEntries(profile: Profile, facts: BrokenPromiseFact[]): LedgerEntry[] {
  const d8 = pointsForRule(profile, 'D8');
  const table = profile.penalties.table.late_or_price;
  return facts.map((f) => {
    const r = ruled(f.upheld);
    const threePoint = table !== undefined && THREE_POINT_KINDS.has(f.kind ?? '');
    const points = threePoint ? table.points : d8;
    const currency = f.currency ?? 'CNY';
    const comp = threePoint && f.paidAmount ? lateCompensationFen(yuanToFen(f.paidAmount), termsInCurrency(profile.late_shipment, currency)) : 0;
    return {
      source: 'broken_promise' as const,
      subjectKind: 'promise' as const,
      subjectId: f.promiseId,
      orderId: f.orderId,
      conversationId: f.conversationId,
      ruleId: threePoint ? 'N2.late_or_price' : 'D8',
      titleZh: threePoint ? table.title : profile.penalties.by_rule.D8?.title ?? '违背交易承诺',
      points,
      serious: false,
      at: f.settledAt.toISOString(),
      status: r.status,
      compensationMinor: comp,
      platformRepayMinor: 0,
      currency,
      noteZh: `承诺未兑现：「${f.text}」；买家投诉成立即扣分${points === 0 ? '（规则未给出该平台的分值）' : ''}${comp > 0 && r.status === 'exposure' ? '，判定前主动支付违约金可免扣分' : ''}${r.suffix}。`,
    };
  });
}

/** N3: the n-th mismatch of a kind in the period (recorded order) takes the n-th penalty. */
function mismatchEntries(profile: Profile, facts: MismatchFact[]): LedgerEntry[] {
  const counts = new Map<string, number>();
  const out: LedgerEntry[] = [];
  for (const f of [...facts].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.caseId.localeCompare(b.caseId))) {
    const n = (counts.get(f.kind) ?? 0) + 1;
    counts.set(f.kind, n);
    const pen = descriptionMismatchPenalty(profile, f.kind, n);
    if (!pen) continue;
    const title = profile.penalties.description_mismatch[f.kind]?.title ?? f.kind;
    out.push({
      source: 'description_mismatch',
      subjectKind: 'case',
      subjectId: f.caseId,
      orderId: f.orderId,
      conversationId: null,
      ruleId: `N3.${f.kind}`,
      titleZh: `描述不符：${title}`,
      points: pen.points,
      serious: pen.serious,
      at: f.recordedAt.toISOString(),
      status: f.upheld ? 'incurred' : 'exposure',
      compensationMinor: 0,
      platformRepayMinor: 0,
      currency: 'CNY',
      noteZh: `本周期第 ${n} 次${pen.serious ? '，按严重违规计' : ''}；处理：${pen.action}${f.upheld ? '（平台已判定成立）' : '（待平台判定）'}。`,
    });
  }
  return out;
}

function removalView(profile: Pick<Profile, 'penalties'>, incurredSerious: number, exposureSerious: number): RemovalView {
  const now = removalRisk(profile, incurredSerious);
  if (now.threshold === null || now.remaining === null) {
    return { threshold: null, remaining: null, remainingIfUpheld: null, level: 'none', textZh: '本平台规则未设严重违规清退分数线。' };
  }
  const ifUpheld = removalRisk(profile, incurredSerious + exposureSerious).remaining ?? now.remaining;
  const within = profile.penalties.removal_warning_within_points.points;
  const level = now.removed ? 'removed' : now.remaining <= within || ifUpheld <= within ? 'warning' : 'ok';
  const pending = exposureSerious > 0 ? `；若待判定的 ${exposureSerious} 分严重违规全部成立，还差 ${ifUpheld} 分` : '';
  const textZh = now.removed
    ? `严重违规已累计 ${incurredSerious} 分，已达 ${now.threshold} 分清退线，平台有权清退店铺。`
    : `严重违规已累计 ${incurredSerious} 分，还差 ${now.remaining} 分将被清退（${now.threshold} 分清退）${pending}${level === 'warning' ? '。已接近清退线，请立即整改。' : '。'}`;
  return { threshold: now.threshold, remaining: now.remaining, remainingIfUpheld: ifUpheld, level, textZh };
}

/** The ledger of one shop for the counting period containing `now`, newest first. */
export function buildLedger(profile: Profile, facts: LedgerFacts, now: Date): ShopLedger {
  const period = countingPeriod(profile, now);
  const within = <T>(list: T[], at: (x: T) => Date) => list.filter((x) => inPeriod(period, at(x)));
  const entries = [
    ...lateEntries(profile, facts.lateShipments, now).filter((e) => inPeriod(period, new Date(e.at))),
    ...replyEntries(profile, within(facts.releasedReplies, (f) => f.sentAt)),
    ...promiseEntries(profile, within(facts.brokenPromises, (f) => f.settledAt)),
    ...mismatchEntries(profile, within(facts.mismatches, (f) => f.recordedAt)),
    ...manualEntries(profile, within(facts.manual ?? [], (f) => f.at)),
  ].sort((a, b) => b.at.localeCompare(a.at) || a.subjectId.localeCompare(b.subjectId));
  const tally = (status: LedgerStatus): PointsTally => ({
    serious: entries.filter((e) => e.status === status && e.serious).reduce((s, e) => s + e.points, 0),
    general: entries.filter((e) => e.status === status && !e.serious).reduce((s, e) => s + e.points, 0),
  });
  const incurred = tally('incurred');
  const exposure = tally('exposure');
  const waivedT = tally('waived');
  return {
    period,
    incurred,
    exposure,
    waived: waivedT.serious + waivedT.general,
    removal: removalView(profile, incurred.serious, exposure.serious),
    entries,
  };
}
