// Issue 14 (performance): the preview decides template and missing fields without writing the
// text (followupOutline) for all but the rows it shows. It must decide exactly as the sender's
// wording (composeFollowup) does, for every flow, destination, courier, last question and missing
// order field — otherwise the preview's counts would differ from what is sent.
import { describe, expect, it } from 'vitest';
import { composeFollowup, followupOutline, type ComposeShop } from '../../src/app/followups/compose.js';
import { FLOW_KEYS } from '../../src/core/followups/keys.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { parseShopSettings } from '../../src/core/bot/shop-settings-schema.js';
import type { Template } from '../../src/core/followups/templates.js';

const shopFor = (platform: 'taobao' | 'aliexpress', coupon: boolean, templates: Template[] = []): ComposeShop => ({
  ctx: {
    shop: { id: 's', name: '小二服饰', platform, agentName: '客服小美' } as never,
    profile: profileFor(platform),
    promotions: coupon ? [{ id: 'p', kind: 'coupon', text: '满199减20', botMayOffer: true }] : [],
    settings: parseShopSettings({}),
  },
  settings: {},
  templates,
});

describe('the preview decides as the sender does (followupOutline vs composeFollowup)', () => {
  it('same template and same missing fields for every combination', () => {
    const own: Template = { id: 't1', flow: 'shipment_notice', lang: 'zh', reason: null, platform: null, courier: '中通快递', country: null, text: '{buyer}，{courier} 单号 {trackingNo}，请查收' };
    let checked = 0;
    let withMissing = 0;
    for (const platform of ['taobao', 'aliexpress'] as const) {
      for (const coupon of [true, false]) {
        const shop = shopFor(platform, coupon, [own]);
        for (const flow of FLOW_KEYS) {
          for (const region of [null, 'CN', 'US', 'DE']) {
            for (const courier of [null, '中通快递', 'Cainiao']) {
              for (const trackingNo of [null, 'ZT123456']) {
                for (const lastIntent of [null, 'bargain', 'order_change', 'stock']) {
                  // C9: the receiver (present with a tracking number, absent without) and a buyer's message on some orders.
                  const order = {
                    platformOrderNo: 'NO-1', courier, trackingNo, region, orderedAt: new Date('2026-11-20T02:00:00Z'), createdAt: new Date('2026-11-20T02:00:00Z'),
                    receiverName: trackingNo ? '周小舟' : null, receiverAddress: trackingNo ? '浙江省杭州市西湖区文三路 1 号' : null, receiverPhone: courier ? '13800001111' : null, buyerNote: lastIntent === 'stock' ? '请发顺丰' : null,
                  };
                  const full = composeFollowup(shop, flow, order, { nickname: null, item: null, lastIntent });
                  const outline = followupOutline(shop, flow, order, lastIntent, new Map(), new Map());
                  expect(outline.template?.text ?? null, `${platform} ${flow} ${region} ${courier} ${lastIntent}`).toBe(full.template?.text ?? null);
                  expect(outline.missing, `${platform} ${flow} ${region} ${courier} ${trackingNo}`).toEqual(full.missing);
                  checked++;
                  if (full.missing.length > 0) withMissing++;
                }
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // Some orders lack a field their template needs (a tracking number): those are compared too.
    expect(withMissing).toBeGreaterThan(0);
  });
});
