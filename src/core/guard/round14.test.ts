// Issue 11, round 14 work: the families the round-13 blind set found weakest — D3 contempt with no
// insult word (the buyer's schooling, origin or competence, "online shopping is not for you"), D9 a
// perk other than money for a good review (运费险, a member upgrade), D1 a homophone channel with
// "if you pay there" (威信付的话) and "pay me by bank", D10 a curt order (查物流) and blame for not
// saying so earlier — and the precision that keeps real seller replies out of a block: a quantity
// (二百五十克), 爸妈的 in a gift tip, a review left to the buyer (看着给，不勉强). And the learned
// layer's thresholds: per family and per path (anchored warn/block, unanchored), calibrated on
// out-of-fold scores of hand-written replies folded by round (scripts/guard-corpus/train.ts).
// Every sentence was written for this test (none from any bench set or from hand-r14.jsonl), and
// each expectation failed on the round's start code (4f9abd4). Runs the real guard, shipped rules and model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldOf, MODEL_RULES } from '../../../scripts/guard-corpus/train.js';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import { decodeModel, UNANCHORED_WARN, type SerializedModel } from './learned.js';

const taobao = profileFor('taobao');
const ali = profileFor('aliexpress');
type Profile = typeof taobao;

const rulesOf = (text: string, p: Profile = taobao): string[] => [...new Set(checkReply(text, p, { askerIsBuyer: true }).violations.map((v) => v.rule))].sort();
const verdict = (text: string, p: Profile = taobao): string => checkReply(text, p, { askerIsBuyer: true }).verdict;

describe('D3 contempt with no insult word (round 14)', () => {
  it.each([
    ['您这样的客户我天天见，早就习惯了', taobao],
    ['您慢慢挑刺吧，多读点书再来', taobao],
    ['山里来的吧，没见过世面就别乱说', taobao],
    ['Maybe online shopping is not for you, honestly.', ali],
    ['Ask your grandkids to explain the app to you.', ali],
    ['I explained it to kids faster than to you.', ali],
  ])('blocked as D3: %s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D3');
    expect(verdict(text, p)).toBe('block');
  });
});

describe('D9 a perk other than money for a good review (round 14)', () => {
  it('free return insurance for five stars is a reward', () => {
    expect(rulesOf('全五星的老客户，下次下单送运费险')).toContain('D9');
    expect(verdict('全五星的老客户，下次下单送运费险')).toBe('block');
  });
  it('a review left to the buyer is no reward', () => {
    expect(rulesOf('好评您看着给就行，不勉强的')).not.toContain('D9');
  });
});

describe('D1 payment outside by homophone or by bank (round 14)', () => {
  it.each([
    ['威信付的话给您便宜三块', taobao],
    ['Skip the app and pay me by bank, cheaper.', ali],
  ])('blocked as D1: %s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D1');
    expect(verdict(text, p)).toBe('block');
  });
});

describe('D10 a curt order, blame for not saying so (round 14)', () => {
  it.each(['查物流', '你怎么不早说'])('raised as D10: %s', (text) => {
    expect(rulesOf(text)).toContain('D10');
  });
});

describe('kinds the development rounds still missed after training on them (round 14)', () => {
  it.each([
    ['十成十后天就到', 'D11', taobao],
    ['The package lands Friday, count on it.', 'D11', ali],
    ['不存在的', 'D10', taobao],
    ['这款的价格只能私下谈', 'D1', taobao],
    ['讲过的赠品换成一张贴纸吧', 'D8', taobao],
  ])('stopped: %s → %s', (text, rule, p) => {
    expect(rulesOf(text, p)).toContain(rule);
  });
  it.each([
    ['说了您也听不懂', taobao],
    ['Do you even know how to open a zip?', ali],
  ])('blocked as D3: %s', (text, p) => {
    expect(rulesOf(text, p)).toContain('D3');
    expect(verdict(text, p)).toBe('block');
  });
});

describe('words inside ordinary replies stay innocent (round 14, ECD precision)', () => {
  it.each(['给爸妈的话这款保温杯很合适', '这罐咖啡豆二百五十克，够喝一个月'])('no D3: %s', (text) => {
    expect(rulesOf(text)).not.toContain('D3');
    expect(verdict(text)).toBe('pass');
  });
});

describe('learned-layer thresholds calibrated per family on hand-written replies (round 14)', () => {
  const shipped = JSON.parse(readFileSync(new URL('./data/guard-model.json', import.meta.url), 'utf8')) as SerializedModel;
  it('the shipped model states warn, block and an unanchored threshold for every family, on the fixed grid', () => {
    for (const rule of MODEL_RULES) {
      const t = shipped.thresholds[rule];
      expect(t, rule).toBeDefined();
      expect(t?.unanchored, rule).toBeDefined();
      expect(t!.block).toBeGreaterThanOrEqual(t!.warn);
      expect(Math.round(t!.warn * 100) % 5, rule).toBe(0);
      // Never lower than the warn point: a reply with no anchor needs at least as much.
      expect(t!.unanchored!).toBeGreaterThanOrEqual(t!.warn);
      // Paying, shipping and 晒图 are every order's words: those families never speak unanchored.
      if (['D1', 'D5', 'D8', 'D9'].includes(rule)) expect(t!.unanchored!, rule).toBeGreaterThan(1);
    }
  });
  it('an older model file without unanchored thresholds keeps the former rule (0.97 for seven families, never for D1, D5, D8, D9)', () => {
    const old = decodeModel({ ...shipped, thresholds: Object.fromEntries(Object.entries(shipped.thresholds).map(([r, t]) => [r, { warn: t.warn, block: t.block }])) });
    expect(old.unanchored[old.rules.indexOf('D3')]).toBeCloseTo(UNANCHORED_WARN, 5);
    for (const r of ['D1', 'D5', 'D8', 'D9'] as const) expect(old.unanchored[old.rules.indexOf(r)]).toBeGreaterThan(1);
  });
  it('folds by round: a blind set and its compliant set together, our own file of the same number apart', () => {
    expect(foldOf('h:b12-0001')).toBe(foldOf('h:c12-0417'));
    expect(foldOf('h:b12-0001')).not.toBe(foldOf('h:h12-0001'));
    expect(foldOf('h:b11-0001')).not.toBe(foldOf('h:b12-0001'));
  });
});
