// A shop rule override carrying a small but complete `guard:` section, for tests that must see
// the guard block, warn and record promises whether or not the platform profiles carry their own
// guard data yet. Shops may override their profile this way (P1).
import { profileFor } from '../../src/core/rules/load-profiles.js';

const rule = (title: string, patterns: string[] = [], severity: 'block' | 'warn' = 'block') => ({
  severity,
  title,
  message: `${title}：{cost}`,
  patterns,
  rewrite: { zh: '亲，这个问题我帮您确认一下哦~', en: 'Let me check that for you.' },
});

export function testGuardOverride(): Record<string, unknown> {
  return {
    guard: {
      locale: 'zh',
      normalize: {},
      negation: { before: ['不', '请勿', '不要'] },
      split_window: 4,
      rules: {
        D1: rule('站外交易', ['微信转账', '加微信', '加我微信', '支付宝转账', '扫码付款']),
        D2: { ...rule('联系方式'), phone: { numbers: ['1[3-9]\\d{9}'] } },
        D3: rule('辱骂'),
        D4: { ...rule('发票'), invoice: {} },
        D5: { ...rule('包邮'), free_shipping: {} },
        D6: rule('泄露隐私'),
        D7: rule('关闭订单'),
        D9: rule('好评返现', ['好评返现']),
        D10: { ...rule('语气', [], 'warn'), tone: { negative_suffix: { zh: '，实在抱歉', en: ', sorry' } } },
        D11: { ...rule('承诺时效', [], 'warn'), delivery: { template: { zh: '一般{days}天左右到', en: 'about {days} days' } } },
      },
      promises: { gift: ['送.{0,6}(赠品|小礼物|发圈)'], freight: ['补.{0,4}运费'] },
      cost_text: { with_points: '扣{points}分', without_points: '可能被投诉' },
    },
  };
}

/** The override to use: none when the real profile already has a guard section. */
export function guardOverrideFor(platform: 'tmall' | 'taobao' | 'jd' | 'pdd' | 'aliexpress'): Record<string, unknown> {
  return profileFor(platform).guard ? {} : testGuardOverride();
}
