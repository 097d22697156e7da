// B4: the bot's own standard answers pass the same reply guard as a person's, on every platform.
import { describe, expect, it } from 'vitest';
import { checkReply } from '../guard/index.js';
import { PLATFORMS } from '../platforms.js';
import { profileFor } from '../rules/load-profiles.js';
import { fillTemplate, splitMessages } from './answers.js';
import { defaultAnswers } from './default-answers.js';

const DEFAULT_ANSWERS = defaultAnswers();
import { makeInput, orders } from '../../../test/fixtures/bot/clothing-shop.js';
import { planReply } from './plan-reply.js';
import { INTENT_IDS } from '../intents.js';

const VARS: Record<string, string> = {
  'shop.name': '衣小铺旗舰店',
  'shop.agent': '客服8号',
  'shop.bot': '衣小铺智能助手',
  'size.list': 'T恤建议M码、裤子建议L码',
  'size.asked': 'XL',
  'size.feel': '偏大',
  'stuck.days': '5',
  'disruption.cause': '浙江、江苏暴雪天气',
  'disruption.recovery': '预计12月12日起逐步恢复',
  language: 'Spanish',
  'shop.ship_cutoff': '16:00',
  'shop.couriers': '中通、圆通',
  'item.title': '纯棉T恤',
  'item.price': '59',
  'item.colours': '白色、黑色',
  'item.choices': '20000mAh快充充电宝（149元）、10000mAh磁吸充电宝（169元）',
  'item.attrs': '材质：棉',
  'attr.name': '材质',
  'attr.value': '棉',
  variant: '白色 M码',
  'stock.count': '2',
  'restock.date': '11月30日',
  size: 'M',
  'size.small': 'S',
  'size.basis': '身高165cm、体重100斤',
  'rec.title': '直筒休闲裤',
  'rec.price': '129',
  'coupon.text': '满199减20优惠券',
  // M2 (issue 14): a VIP tier's perk, written by the shop.
  'tier.name': '老客',
  'perk.text': '新品首发 9 折',
  'gift.text': '收纳袋一个',
  'freight.text': '偏远地区运费减半',
  'promo.list': '满199减20优惠券',
  region: '新疆',
  fee: '10',
  courier: '顺丰',
  'order.no': '3300000000000001',
  'order.tracking_no': 'ZT7788990011',
  'order.courier': '中通',
  'order.latest_event': '快件已到达【杭州转运中心】',
  'order.latest_at': '11月22日 21:20',
  'order.receiver': '王**',
  'order.phone': '138****5678',
  'order.address': '浙江省杭州市****',
  'order.note': '请不要放快递柜',
  'order.items': '纯棉T恤 白色 M码 ×1',
  'order.refund_state': '退款申请等待卖家确认中',
  'invoice.types': '电子普通发票',
  'invoice.when': '确认收货后',
  'return.days': '7',
  'return.shipping': '运费险承担退回运费',
  'fee.first': '18.00',
  'fee.first_kg': '1',
  'fee.extra': '8.00',
  'fee.weight': '3',
  'fee.total': '34.00',
  'pp.paid': '59.00',
  'pp.now': '49.00',
  'pp.refund': '10.00',
  'pp.reason': '现价不低于原价，没有差价可退',
  'pp.status': '差价已补给您，请注意查收',
  'pp.rp': '5.00',
  'pp.sc': '3.00',
};

describe('default answers pass the reply guard (B4, D1–D11)', () => {
  for (const platform of PLATFORMS) {
    const profile = profileFor(platform);
    it(`${platform}: no default variant is blocked, even where the shop promises 包邮`, () => {
      const blocked: string[] = [];
      for (const a of DEFAULT_ANSWERS) {
        for (const v of a.variants) {
          const text = fillTemplate(v, VARS);
          expect(text).not.toBeNull();
          const r = checkReply(
            text ?? '',
            { guard: profile.guard, penalties: profile.penalties.by_rule },
            { freeShipping: true, askerIsBuyer: true },
          );
          if (r.verdict === 'block')
            blocked.push(`${a.intent}: ${text} → ${r.violations.map((x) => x.rule).join(',')}`);
          // C4: with realistic data every line is one short message, never a dangling fragment
          for (const line of splitMessages(text ?? '')) expect(line.length, line).toBeGreaterThanOrEqual(4);
        }
      }
      expect(blocked).toEqual([]);
    });
  }

  it('planned replies for every intent pass the Tmall guard', () => {
    const profile = profileFor('tmall');
    for (const intent of INTENT_IDS) {
      const p = planReply(makeInput({ text: '这个呢', intent, orders: [orders.shipped] }));
      for (const m of p.messages) {
        const r = checkReply(
          m,
          { guard: profile.guard, penalties: profile.penalties.by_rule },
          { freeShipping: true, askerIsBuyer: true },
        );
        expect(r.verdict, `${intent}: ${m}`).not.toBe('block');
      }
    }
  });
});
