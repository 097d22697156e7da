// Issue 11 — a guard that catches what nobody wrote down yet: evasion-proof normalisation
// (sounds, initials, traditional script, digits in pieces), concept combinations from
// rules/guard-concepts.yaml, the learned layer's 疑似 findings, one violation per span, whole-sentence
// rewrites that pass the guard, and the C14 phrase library. Figures here are on our own
// generated corpus (development split), never on a blind set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/guard-corpus/generate.js';
import { MODEL_PATH, serialise, trainingCorpus, trainModel } from '../../../scripts/guard-corpus/train.js';
import { DEVELOPMENT_ROUNDS } from '../../../scripts/guard-corpus/human.js';
import { evaluate } from '../../../scripts/guard-corpus/evaluate.js';
import { profileFor } from '../rules/load-profiles.js';
import { checkReply } from './check-reply.js';
import { compileGuard } from './compile.js';
import { compileLexicon, conceptLexicon, matchConcepts } from './concepts.js';
import { listPhrases, PHRASE_CATEGORIES } from './phrases.js';
import { RULE_IDS } from './profile-schema.js';
import type { GuardContext } from './types.js';

const taobao = profileFor('taobao');
const pdd = profileFor('pdd');
const ali = profileFor('aliexpress');
const guard = compileGuard(taobao.guard ?? (() => { throw new Error('no guard'); })());

const conceptsIn = (text: string): string[] => {
  const lex = conceptLexicon();
  const v = guard.norm.view(text);
  const m = matchConcepts(lex, v);
  return lex.concepts.filter((c) => (m[c.index]?.length ?? 0) > 0).map((c) => c.name);
};

describe('normalisation makes the disguise irrelevant (issue 11)', () => {
  it.each(['微信', '威信', '薇信', '维信', 'vx', 'V信', 'weixin', 'wx', 'ｖｘ', 'w x', '微 x'])('%s is the WeChat concept', (w) => {
    expect(conceptsIn(`加我${w}`)).toContain('contact_channel');
  });
  it('typed pinyin and initials meet the word (好评返现 = haoping fanxian = hpfx)', () => {
    for (const t of ['好评返现', 'haoping fanxian', 'hpfx']) {
      const found = conceptsIn(t);
      expect(found, t).toContain('review');
      expect(found, t).toContain('reward');
    }
  });
  it('traditional characters outside the profile list are converted (OpenCC), spans unchanged', () => {
    const text = '擁有發票嗎';
    const v = guard.norm.view(text);
    expect(v.compact).toBe('拥有发票吗');
    expect(v.phon.length).toBe(v.compact.length);
    expect(v.init).toBe('yyfpm');
  });
  it('sentences split on 。！？ but not on commas', () => {
    const v = guard.norm.view('加我，微信。好的！');
    expect(v.sentenceO.length).toBe(3);
    expect(v.clauseO.length).toBe(4);
  });
});

describe('digits in pieces are recombined across the reply (D2)', () => {
  it.each([
    '后四位是5678，前面是138 1234，急的话直接打',
    '我手机尾号5678，前七位138 1234',
    '电话一三八，一二三四，五六七八',
    'My phone ends with 5678, the first part is 138 1234, call me',
  ])('%s → D2', (text) => {
    expect(checkReply(text, /[a-z]{3}/i.test(text) ? ali : taobao).violations.map((v) => v.rule)).toContain('D2');
  });
  it.each([
    '快递单号是YT1234567890123，请查收',
    '订单号123456789012345，金额99元',
    '这件价格是138元，两件258元，尺码是170',
    '活动时间是11月11日0点到12日23点59分',
    '重量1380克，尺寸45*30*20cm，型号138-5678',
    '3月15日下单的，共138件，每件56.78元',
  ])('%s passes', (text) => {
    expect(checkReply(text, taobao).verdict).toBe('pass');
  });
});

type Row = [text: string, rule: string | null, ctx?: GuardContext];

describe('concepts, not strings: each family as combinations (D1–D11)', () => {
  const rows: Row[] = [
    ['亲，扫一下我头像里的码付款就行', 'D1'],
    ['私聊付款，可以省平台手续费', 'D1'],
    ['退款我直接转您更快', 'D1'],
    ['➕V详聊', 'D2'],
    ['我们抖音也有店，搜一下小李家居', 'D2'],
    ['闲鱼上搜我们店名就行', 'D2'],
    ['给个五星下次给您打八折', 'D9'],
    ['差评删掉的话给您10元补偿', 'D9'],
    ['穷就别买', 'D3'],
    ['听不懂人话吗', 'D3'],
    ['发漂要原价才开', 'D4'],
    ['只能开关联公司的抬头', 'D4'],
    ['开票的话邮费自理哦', 'D4'],
    ['发票可以开，不过邮费需要您自理', 'D4'],
    ['新疆西藏不包邮哦', 'D5', { freeShipping: true }],
    ['这个是特殊商品，需要拍一下补运费链接', 'D5', { freeShipping: true }],
    ['他的收货地址是朝阳区幸福小区', 'D6', { askerIsBuyer: false }],
    ['超过24小时没付款的订单我们会直接取消', 'D7'],
    ['地址不对的订单一律关闭处理', 'D7'],
    ['明天必达', 'D11'],
    ['一定送到的，晚了我赔', 'D11'],
    ['那是你自己选错尺码了', 'D10'],
    ['Scan the QR code in my avatar to pay', 'D1'],
    ['You are such a freeloader', 'D3'],
    ['That is your own fault for choosing the wrong size', 'D10'],
    // Innocent look-alikes.
    ['垃圾袋有大中小三种规格', null],
    ['QQ糖是我们店的热卖零食', null],
    ['拼多多下单可以用微信支付的哦', null],
    ['喜欢的话可以先加购物车哦', null],
    ['这款是V领的设计，显瘦', null],
    ['发票随货寄出，邮费我们承担', null],
    ['特价商品也可以正常开票的哦', null],
    ['预计明天到，具体以物流为准', null],
    ['不敢保证明天到，我们会帮您催快递', null],
    ['如果您需要取消订单，可以在订单页面自行操作', null],
    ['未付款的订单系统会自动关闭，您重新拍就可以', null],
    ['欢迎您收到货后给我们真实的评价', null],
    ['退款会原路退回您的支付宝', null],
    ['包邮的，偏远地区也一样包邮', null, { freeShipping: true }],
    ['请勿相信任何要求薇信转账的人，都是骗子', null],
    ['型号v1234567是升级款', null],
  ];
  it.each(rows)('%s → %s', (text, rule, ctx) => {
    const p = /[\u4e00-\u9fff]/.test(text) ? (text.includes('拼多多') ? pdd : taobao) : ali;
    const r = checkReply(text, p, ctx ?? {});
    if (rule === null) expect(r.verdict, JSON.stringify(r.violations)).toBe('pass');
    else expect(r.violations.map((v) => v.rule)).toContain(rule);
  });
});

describe('findings: one per span, 疑似 with a reason, whole-sentence rewrites that pass (issue 11)', () => {
  const dev = generateCorpus().filter((s) => s.split === 'development');
  it('on the development corpus: no two findings of one rule overlap; every 疑似 is a warn with a Chinese reason; every rewrite passes', () => {
    const problems: string[] = [];
    let suspected = 0;
    for (const s of dev) {
      const p = /[\u4e00-\u9fff]/.test(s.text) ? taobao : ali;
      const ctx = { freeShipping: s.ctx.freeShipping ?? false, askerIsBuyer: s.ctx.askerIsBuyer ?? true };
      const r = checkReply(s.text, p, ctx);
      r.violations.forEach((a, i) => {
        for (const b of r.violations.slice(i + 1)) {
          if (a.rule === b.rule && a.span[0] < b.span[1] && b.span[0] < a.span[1]) problems.push(`overlap ${a.rule}: ${s.text}`);
        }
        if (a.suspected) {
          suspected++;
          if (a.severity !== 'warn' || !a.reason?.startsWith('疑似')) problems.push(`suspected shape: ${s.text}`);
        }
      });
      const first = r.violations[0];
      if (first && (first.rewrite.length === 0 || checkReply(first.rewrite, p, ctx).verdict !== 'pass')) problems.push(`rewrite: ${s.text} ⇒ ${first.rewrite}`);
    }
    expect(problems).toEqual([]);
    expect(suspected).toBeGreaterThan(0);
  }, 180_000);
  it('a rewrite replaces the whole sentence, leaving no fragment behind', () => {
    const r = checkReply('我们随时为您服务，我的电话是13812345678，急的话直接打。有问题再说', taobao);
    expect(r.verdict).toBe('block');
    const rewrite = r.violations[0]?.rewrite ?? '';
    expect(rewrite).not.toContain('直接打');
    expect(rewrite).toContain('有问题再说');
    expect(checkReply(rewrite, taobao).verdict).toBe('pass');
  });
  it('the same rule in one sentence is reported once', () => {
    const r = checkReply('加我微信abc1234，微信号abc1234，加微信聊', taobao);
    expect(r.violations.filter((v) => v.rule === 'D2')).toHaveLength(1);
  });
  it('a blaming clause gets a C14 phrase and the rest of the sentence stays', () => {
    const r = checkReply('那是你自己选错尺码了，我们可以帮您换', taobao);
    expect(r.violations[0]?.rule).toBe('D10');
    expect(r.violations[0]?.rewrite).toBe('我觉得可能是我们的沟通存在误会，我们可以帮您换');
  });
});

describe('the concept lexicon is data with sources (rules/guard-concepts.yaml)', () => {
  it('every concept names a requirement and a seed; every family is a rule id', () => {
    const lex = conceptLexicon();
    for (const [name, c] of Object.entries(lex.file.concepts)) {
      expect(c.req, name).toMatch(/^(D\d+|C14)$/);
      expect(c.seed, name).toMatch(/^00[0-4]$/);
    }
    for (const f of lex.families) expect(RULE_IDS).toContain(f.rule);
  });
  it('an undefined concept or a broken pattern fails in Chinese with a stable code', () => {
    expect(() => compileLexicon('concepts: {}\nfamilies:\n  D1: { reason: 疑似, combos: [{ all: [nothing] }] }\n')).toThrow(/未定义的概念/);
    expect(() => compileLexicon("concepts:\n  a: { req: D1, seed: '000', text: ['(unclosed'] }\nfamilies: {}\n")).toThrow(/正则表达式无效/);
  });
});

describe('C14 model phrases by category', () => {
  it('lists the four categories of seed 004, each phrase a whole sentence that passes the guard', () => {
    const groups = listPhrases();
    expect(groups.map((g) => g.category)).toEqual([...PHRASE_CATEGORIES]);
    for (const g of groups) {
      expect(g.phrases.length).toBeGreaterThan(0);
      for (const p of g.phrases) expect(checkReply(p, taobao).verdict, p).toBe('pass');
    }
    expect(listPhrases('empathy')).toHaveLength(1);
  });
});

describe('the learned layer is reproducible and measured on the development split', () => {
  it('retraining from the committed script reproduces the committed weights', () => {
    const model = trainModel(trainingCorpus(DEVELOPMENT_ROUNDS));
    expect(serialise(model) === readFileSync(MODEL_PATH, 'utf8')).toBe(true);
  }, 300_000);
  it('development split: ≥ 95 % of violating replies stopped, ≤ 1 % of compliant ones blocked, ≤ 5 % warned', () => {
    const f = evaluate(generateCorpus().filter((s) => s.split === 'development'));
    expect(f.stopped / f.violating).toBeGreaterThanOrEqual(0.95);
    expect(f.falseBlocks / f.compliant).toBeLessThanOrEqual(0.01);
    expect(f.falseWarns / f.compliant).toBeLessThanOrEqual(0.05);
  }, 180_000);
});
