// C8: after a 改价 the buyer has not written since, the 催付 says the price was changed and asks
// to check the new amount before paying — in Chinese and English, passing the reply guard.
import { describe, expect, it } from 'vitest';
import { checkReply } from '../guard/check-reply.js';
import { repricedSinceBuyerSpoke } from '../orders/price-change.js';
import { profileFor } from '../rules/load-profiles.js';
import { followupRules } from './config.js';
import { pickTemplate, renderTemplate } from './templates.js';

const query = { flow: 'payment_reminder' as const, reason: 'price_changed' as const, platform: 'taobao', courier: null, country: null };

describe('催付 after a 改价 (C8)', () => {
  it('says so only when the 改价 came after the buyer last wrote', () => {
    expect(repricedSinceBuyerSpoke(2_000, 1_000)).toBe(true);
    expect(repricedSinceBuyerSpoke(2_000, null)).toBe(true);
    expect(repricedSinceBuyerSpoke(1_000, 2_000)).toBe(false);
    expect(repricedSinceBuyerSpoke(null, 1_000)).toBe(false);
    expect(repricedSinceBuyerSpoke(null, null)).toBe(false);
  });

  it('has a default wording in Chinese and English that the reply guard lets through', () => {
    const defaults = followupRules().templates;
    const zh = pickTemplate([], defaults, { ...query, lang: 'zh' })!;
    const en = pickTemplate([], defaults, { ...query, lang: 'en', country: 'US' })!;
    expect(zh.reason).toBe('price_changed');
    expect(en.reason).toBe('price_changed');
    expect(zh.text).toMatch(/改好价格.*核对.*新的应付金额/);
    expect(en.text).toMatch(/price .* has been changed.*check the new amount before paying/);
    const zhText = renderTemplate(zh.text, { buyer: '亲', item: '羊毛围巾', orderNo: '123', shipHours: '48' }).text;
    const enText = renderTemplate(en.text, { buyer: 'Anna', item: 'wool scarf', orderNo: '8001', shipHours: '48' }).text;
    expect(checkReply(zhText, profileFor('taobao')).verdict).not.toBe('block');
    expect(checkReply(enText, profileFor('aliexpress')).verdict).not.toBe('block');
    // The other reminder reasons do not fall back to it.
    expect(pickTemplate([], defaults, { ...query, lang: 'zh', reason: null })!.reason ?? null).toBeNull();
  });
});
