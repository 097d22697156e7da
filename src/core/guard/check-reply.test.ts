// checkReply (D1–D11, D8 promises): spans point into the original text through normalisation,
// rewrites pass the guard themselves, points come from the platform profile, split evasions are
// caught, and the labelled set meets its targets.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../platforms.js';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import { evaluateGuard } from './evaluate.js';

const tmall = profileFor('tmall');
const taobao = profileFor('taobao');
const ali = profileFor('aliexpress');

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/guard/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as {
        id: string;
        text: string;
        platform: Platform;
        expect: string[];
        context?: { free_shipping?: boolean; asker_is_buyer?: boolean; previous_outgoing?: string[] };
      };
      return o;
    });

const ctxOf = (c: ReturnType<typeof fixture>[number]) => ({
  ...(c.context?.free_shipping !== undefined ? { freeShipping: c.context.free_shipping } : {}),
  ...(c.context?.asker_is_buyer !== undefined ? { askerIsBuyer: c.context.asker_is_buyer } : {}),
  ...(c.context?.previous_outgoing ? { previousOutgoing: c.context.previous_outgoing } : {}),
});

describe('spans (D1, D2) map to the original text through normalisation', () => {
  it.each([
    ['亲加我微信转账可以便宜10元', 'D1', '微信转账'],
    ['亲 加我 ＶＸ dxe2024', 'D2', '加我 ＶＸ'],
    ['电话：①③⑧ ①②③④ ⑤⑥⑦⑧ 随时', 'D2', '①③⑧ ①②③④ ⑤⑥⑦⑧'],
    ['有事打 一三八 一二三四 五六七八', 'D2', '一三八 一二三四 五六七八'],
    ['😊好 评 返 现 哦', 'D9', '好 评 返 现'],
    ['Add me: 𝐰𝐡𝐚𝐭𝐬𝐚𝐩𝐩 me at +1 415 555 0199', 'D2', '+1 415 555 0199'],
  ])('%s', (text, rule, covered) => {
    const v = checkReply(text, taobao).violations.find((x) => x.rule === rule);
    expect(v).toBeDefined();
    const [s, e] = v?.span ?? [0, 0];
    expect(text.slice(s, e)).toContain(covered.trim());
    expect(s).toBeGreaterThanOrEqual(0);
    expect(e).toBeLessThanOrEqual(text.length);
  });
});

describe('split evasions across short messages (previousOutgoing)', () => {
  it('D2: 加我 / v / 信 abc123 is caught in the last message, span inside it', () => {
    const r = checkReply('信 abc123', taobao, { previousOutgoing: ['加我', 'v'] });
    expect(r.verdict).toBe('block');
    const v = r.violations[0];
    expect(v?.rule).toBe('D2');
    expect(v?.span[0]).toBe(0);
  });
  it('D2: a phone number typed in three messages', () => {
    const r = checkReply('5678', tmall, { previousOutgoing: ['我电话', '138', '1234'] });
    expect(r.violations.map((v) => v.rule)).toContain('D2');
  });
  it('a hit wholly inside earlier messages is not reported again', () => {
    const r = checkReply('好的亲，马上为您安排', taobao, { previousOutgoing: ['加我微信abc12345'] });
    expect(r.verdict).toBe('pass');
  });
});

describe('points come from the platform profile (D4–D8, N2)', () => {
  it('Tmall charges 6 for D4, 4 for D5, 6 for D6, 1 for D7; Taobao names none', () => {
    const d4 = '特价商品无法开票哦';
    expect(checkReply(d4, tmall).violations[0]?.points).toBe(tmall.penalties.by_rule.D4?.points);
    expect(checkReply(d4, tmall).violations[0]?.points).toBe(6);
    expect(checkReply(d4, taobao).violations[0]?.points).toBe(0);
    expect(checkReply('这款不包邮哦', tmall, { freeShipping: true }).violations[0]?.points).toBe(4);
    expect(checkReply('收件人是张三', tmall, { askerIsBuyer: false }).violations[0]?.points).toBe(6);
    expect(checkReply('我已经帮您把订单关闭了', tmall).violations[0]?.points).toBe(1);
  });
  it('a shop override changes the points and adds its own phrases', () => {
    const shop = profileFor('taobao', {
      penalties: { by_rule: { D3: { points: 2, title: '店铺自定', source: { req: 'D3', seed: null } } } },
      guard: { extra_patterns: { D3: ['葛朗台'] } },
    });
    const r = checkReply('你这个葛朗台', shop);
    expect(r.violations[0]?.rule).toBe('D3');
    expect(r.violations[0]?.points).toBe(2);
    // Without the shop's phrase it is no definite finding (the learned layer may still raise a 疑似).
    expect(checkReply('你这个葛朗台', taobao).verdict).not.toBe('block');
  });
  it('the message names the rule and the cost in Chinese', () => {
    const m = checkReply('特价商品无法开票哦', tmall).violations[0]?.message ?? '';
    expect(m).toContain('D4');
    expect(m).toContain('6 分');
  });
});

describe('rewrites are compliant (D)', () => {
  it('EVAL §2 example: D1 blocked with a platform-payment rewrite', () => {
    const r = checkReply('亲加我微信转账可以便宜10元', tmall, { freeShipping: false, askerIsBuyer: true });
    expect(r.verdict).toBe('block');
    expect(r.violations.map((v) => v.rule)).toEqual(['D1']);
    expect(r.violations[0]?.rewrite).toContain('平台');
  });
  it('D10 and D11 rewrite with the seed forms', () => {
    expect(checkReply('您搞错了，这个是M码', taobao).violations[0]?.rewrite).toBe('我觉得可能是我们的沟通存在误会，这个是M码');
    expect(checkReply('保证明天到', taobao).violations[0]?.rewrite).toContain('顺利的话预计约1-2天左右送达');
    expect(checkReply('没有', taobao).violations[0]?.rewrite).toContain('给您推荐');
  });
  it('English rewrites replace whole clauses and keep the day count (D10, D11)', () => {
    expect(checkReply('It will definitely arrive in 7 days', ali).violations[0]?.rewrite).toBe(
      'If all goes well it should arrive in about 7 days (depending on the carrier)',
    );
    expect(checkReply('Did you even read the description?', ali).violations[0]?.rewrite).toBe('Is my explanation clear to you?');
    expect(checkReply('三天内肯定到货', taobao).violations[0]?.rewrite).toBe('顺利的话预计约3天左右送达（具体以物流为准）');
  });
  it('AliExpress English replies get English rewrites', () => {
    const r = checkReply('Please add me on WhatsApp +86 138 1234 5678', ali);
    expect(r.violations[0]?.rewrite).toMatch(/AliExpress chat/);
  });
  it('every rewrite in the labelled set passes the guard', () => {
    const failures: string[] = [];
    for (const c of fixture('replies.jsonl')) {
      const p = profileFor(c.platform);
      const ctx = ctxOf(c);
      for (const v of checkReply(c.text, p, ctx).violations) {
        const again = checkReply(v.rewrite, p, { ...ctx, previousOutgoing: [] });
        if (again.verdict !== 'pass' || v.rewrite.length === 0) failures.push(`${c.id}: ${v.rewrite}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('promises (D8)', () => {
  it.each([
    ['现在下单还送一个收纳袋哦', 'gift'],
    ['发票随货寄出', 'invoice'],
    // Found walking the product: an invoice promised with its timing in between was not recorded.
    ['发票我们会在发货后3天内开具哦', 'invoice'],
    ['发票3天内给您开好', 'invoice'],
    ['质量问题我们包来回运费', 'freight'],
    ['退货运费由我们承担，您不用担心', 'freight'],
    ['拍下给您优惠10元', 'discount'],
    ['亲，7天无理由退货的，收到不满意可以退', 'return'],
    ['这款有两年质保，坏了免费维修', 'repair'],
    ['亲，我们给您发顺丰', 'courier'],
    ['今天下午4点前下单当天发出', 'delivery_time'],
    ['We will ship your order by DHL within 2 days', 'courier'],
  ])('%s → %s', (text, kind) => {
    const r = checkReply(text, taobao);
    const p = r.promises.find((x) => x.kind === kind);
    expect(p).toBeDefined();
    expect(text.slice(...(p?.span ?? [0, 0]))).toBe(p?.text);
  });
  it('a negated mention is not a promise', () => {
    expect(checkReply('这款不送赠品哦，价格已经是最低了', taobao).promises.filter((p) => p.kind === 'gift')).toEqual([]);
    expect(checkReply('这款不包邮，偏远地区需要补运费哦', taobao).promises.filter((p) => p.kind === 'freight')).toEqual([]);
  });
});

describe('labelled sets (EVAL §2 targets)', () => {
  for (const name of ['replies.jsonl', 'heldout.jsonl', 'heldout-2.jsonl', 'heldout-3.jsonl']) {
    it(`${name}: recall ≥ 99 % on D1–D4, D9 and ≤ 1 % false blocks`, () => {
      const cases = fixture(name);
      expect(cases.length).toBeGreaterThan(name === 'replies.jsonl' ? 400 : 80);
      const report = evaluateGuard(cases, (c) => checkReply(c.text, profileFor(c.platform), ctxOf(c)));
      for (const r of report.rules.filter((s) => ['D1', 'D2', 'D3', 'D4', 'D9'].includes(s.rule))) {
        expect(r.recall ?? 0, r.rule).toBeGreaterThanOrEqual(0.99);
      }
      expect(report.falseBlockRate).toBeLessThanOrEqual(0.01);
    });
  }
});

describe('errors', () => {
  it('a profile without a guard section is refused', () => {
    expect(() => checkReply('你好', { penalties: { by_rule: {} } })).toThrow(/guard/);
  });
  it('an invalid pattern in a shop override fails at load (P1)', () => {
    expect(() => profileFor('taobao', { guard: { extra_patterns: { D1: ['(unclosed'] } } })).toThrow();
  });
});

describe("the shop's own name is no other shop (D2; found walking the product)", () => {
  const greeting = '您好，欢迎光临小二服饰旗舰店，我是智能助手，很高兴为您服务 ^_^';
  it('the bot greeting naming the shop passes when the guard knows the shop', () => {
    expect(checkReply(greeting, tmall).violations.some((v) => v.rule === 'D2')).toBe(true); // without the name: a 疑似
    expect(checkReply(greeting, tmall, { shopName: '小二服饰旗舰店' }).verdict).toBe('pass');
  });
  it('another shop named beside the own one is still D2', () => {
    const r = checkReply('小二服饰旗舰店没货了，您去大白服饰旗舰店看看', tmall, { shopName: '小二服饰旗舰店' });
    expect(r.violations.some((v) => v.rule === 'D2')).toBe(true);
  });
});
