import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { buildLedger, countingPeriod, type LedgerFacts, type MismatchFact } from './penalty-ledger.js';

const profiles = loadProfiles();
const NONE: LedgerFacts = { lateShipments: [], releasedReplies: [], brokenPromises: [], mismatches: [] };
const NOW = new Date('2026-06-15T04:00:00.000Z');
const mismatch = (i: number, kind: string, upheld = true, at = new Date(Date.parse('2026-03-01T02:00:00Z') + i * 86_400_000)): MismatchFact => ({
  caseId: `case-${String(i).padStart(2, '0')}`, orderId: `o-${i}`, kind, recordedAt: at, upheld,
});

describe('penalty ledger (N2, N3, N4)', () => {
  it('counts over the Beijing calendar year, a project default named in the profile', () => {
    expect(profiles.tmall.penalties.counting_period).toMatchObject({ kind: 'calendar_year', source: { seed: null } });
    // 2026-12-31 23:59:59 Beijing is still 2026; one second later is 2027.
    expect(countingPeriod(profiles.tmall, new Date('2026-12-31T15:59:59Z'))).toMatchObject({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(countingPeriod(profiles.tmall, new Date('2026-12-31T16:00:00Z')).from).toBe('2026-12-31T16:00:00.000Z');
  });

  it('escalates a description mismatch by repetition and turns serious where the rule says (N3, Tmall)', () => {
    const l = buildLedger(profiles.tmall, { ...NONE, mismatches: [1, 2, 3, 4, 5].map((i) => mismatch(i, 'material')) }, NOW);
    const byCase = [...l.entries].sort((a, b) => a.subjectId.localeCompare(b.subjectId));
    expect(byCase.map((e) => [e.points, e.serious])).toEqual([[6, false], [12, false], [12, false], [12, true], [12, true]]);
    expect(l.incurred).toEqual({ serious: 24, general: 30 });
    const flaws = buildLedger(profiles.tmall, { ...NONE, mismatches: [1, 2, 3, 4, 5].map((i) => mismatch(i, 'flaw_affecting_use')) }, NOW);
    expect(flaws.incurred).toEqual({ serious: 6, general: 24 });
    const light = buildLedger(profiles.tmall, { ...NONE, mismatches: [mismatch(1, 'flaw_not_affecting_use'), mismatch(2, 'trivial', false)] }, NOW);
    expect(light.entries.map((e) => [e.ruleId, e.points, e.status])).toEqual([['N3.trivial', 0, 'exposure'], ['N3.flaw_not_affecting_use', 3, 'incurred']]);
  });

  it('says how far the shop is from removal at 48 serious points, warns when close, and projects open exposures (N4)', () => {
    const facts = (n: number, upheld = true) => ({ ...NONE, mismatches: Array.from({ length: n }, (_, i) => mismatch(i + 1, 'material', upheld)) });
    // 3 general, then 12 serious each from the 4th.
    const ok = buildLedger(profiles.tmall, facts(4), NOW).removal;
    expect(ok).toMatchObject({ threshold: 48, remaining: 36, level: 'ok' });
    expect(ok.textZh).toContain('还差 36 分将被清退');
    const close = buildLedger(profiles.tmall, facts(6), NOW).removal;
    expect(close).toMatchObject({ remaining: 12, level: 'warning' });
    expect(close.textZh).toContain('已接近清退线');
    expect(buildLedger(profiles.tmall, facts(7), NOW).removal).toMatchObject({ remaining: 0, level: 'removed' });
    const pending = buildLedger(profiles.tmall, { ...NONE, mismatches: [...facts(4).mismatches, mismatch(10, 'material', false), mismatch(11, 'material', false)] }, NOW);
    expect(pending.removal).toMatchObject({ remaining: 36, remainingIfUpheld: 12, level: 'warning' });
    expect(pending.removal.textZh).toContain('若待判定的 24 分严重违规全部成立，还差 12 分');
    // A platform without a removal line in the rules says so.
    expect(buildLedger(profiles.taobao, NONE, NOW).removal).toMatchObject({ threshold: null, level: 'none' });
  });

  it('charges a late shipment 3 points unless paid before the ruling, and records the waiver (N2, Taobao)', () => {
    const base = { paidAt: new Date('2026-06-10T02:00:00Z'), shippedAt: null, agreedShipBy: null, paidAmount: 100, currency: 'CNY' };
    const ruling = new Date('2026-06-18T02:00:00Z');
    const l = buildLedger(profiles.taobao, {
      ...NONE,
      lateShipments: [
        { ...base, orderId: 'a-open', rulingDueAt: ruling, compensationPaidAt: null },
        { ...base, orderId: 'b-paid', rulingDueAt: ruling, compensationPaidAt: new Date('2026-06-14T02:00:00Z') },
        { ...base, orderId: 'c-lapsed', rulingDueAt: new Date('2026-06-14T02:00:00Z'), compensationPaidAt: null },
        { ...base, orderId: 'd-in-time', shippedAt: new Date('2026-06-11T02:00:00Z'), rulingDueAt: null, compensationPaidAt: null },
      ],
    }, NOW);
    const by = Object.fromEntries(l.entries.map((e) => [e.subjectId, e]));
    expect(by['a-open']).toMatchObject({ status: 'exposure', points: 3, compensationMinor: 500, platformRepayMinor: 500, ruleId: 'N2' });
    expect(by['b-paid']).toMatchObject({ status: 'waived', points: 3, platformRepayMinor: 0 });
    expect(by['b-paid']!.noteZh).toContain('免扣 3 分');
    expect(by['c-lapsed']).toMatchObject({ status: 'incurred', points: 3 });
    expect(by['d-in-time']).toBeUndefined();
    expect([l.incurred.general, l.exposure.general, l.waived]).toEqual([3, 3, 3]);
  });

  it('charges a sent D-rule violation and a broken promise by the rule data (D4, D8)', () => {
    const l = buildLedger(profiles.tmall, {
      ...NONE,
      releasedReplies: [{ messageId: 7, conversationId: 'c1', sentAt: new Date('2026-05-01T02:00:00Z'), rules: ['D4', 'D4', 'D1'], reason: '买家要求' }],
      brokenPromises: [{ promiseId: 'p1', orderId: 'o1', conversationId: 'c1', text: '送您一双袜子', settledAt: new Date('2026-05-02T02:00:00Z') }],
    }, NOW);
    expect(l.entries.map((e) => [e.ruleId, e.points, e.status])).toEqual([['D8', 4, 'exposure'], ['D1', 0, 'exposure'], ['D4', 6, 'exposure']]);
    expect(l.exposure).toEqual({ serious: 0, general: 10 });
    // The platform's ruling, when recorded: upheld → charged; not upheld → dismissed, no points.
    const ruled = buildLedger(profiles.tmall, {
      ...NONE,
      releasedReplies: [{ messageId: 7, conversationId: 'c1', sentAt: new Date('2026-05-01T02:00:00Z'), rules: ['D4'], reason: null, upheld: true }],
      brokenPromises: [{ promiseId: 'p1', orderId: 'o1', conversationId: 'c1', text: '送您一双袜子', settledAt: new Date('2026-05-02T02:00:00Z'), upheld: false }],
    }, NOW);
    expect(ruled.entries.map((e) => [e.ruleId, e.status])).toEqual([['D8', 'dismissed'], ['D4', 'incurred']]);
    expect([ruled.incurred.general, ruled.exposure.general]).toEqual([6, 0]);
    // Seed 000: on Taobao a refused agreed discount or the wrong courier is the 3-point category with
    // 5 % compensation (1–30 yuan); a broken gift promise is a trade promise, 4 points (D8).
    const tb = buildLedger(profiles.taobao, {
      ...NONE,
      brokenPromises: [
        { promiseId: 'p-courier', orderId: 'o1', conversationId: null, kind: 'courier', paidAmount: 200, currency: 'CNY', text: '给您发顺丰', settledAt: new Date('2026-05-02T02:00:00Z') },
        { promiseId: 'p-gift', orderId: 'o2', conversationId: null, kind: 'gift', paidAmount: 200, currency: 'CNY', text: '送您一个收纳袋', settledAt: new Date('2026-05-01T02:00:00Z') },
      ],
    }, NOW);
    expect(tb.entries.map((e) => [e.subjectId, e.ruleId, e.points, e.compensationMinor])).toEqual([['p-courier', 'N2.late_or_price', 3, 1000], ['p-gift', 'D8', 4, 0]]);
    // Last year's entries are not in this year's tally.
    const old = buildLedger(profiles.tmall, { ...NONE, brokenPromises: [{ promiseId: 'p0', orderId: null, conversationId: null, text: '包邮', settledAt: new Date('2025-12-31T15:59:59Z') }] }, NOW);
    expect(old.entries).toEqual([]);
  });
});
