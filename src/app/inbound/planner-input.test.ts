import { describe, expect, it } from 'vitest';
import { profileFor } from '../../core/rules/load-profiles.js';
import { neutralOrderState } from './planner-input.js';

describe('platform order states → the planner’s neutral states (O1)', () => {
  const taobao = profileFor('taobao');
  it.each([
    ['等待买家付款', 'unpaid'],
    ['买家已付款,等待卖家发货', 'paid'],
    ['买家已付款等待卖家发货', 'paid'],
    ['卖家已发货,等待买家确认', 'shipped'],
    ['交易成功', 'succeeded'],
    ['交易关闭', 'closed'],
  ])('taobao %s → %s', (state, neutral) => expect(neutralOrderState(state, taobao)).toBe(neutral));

  const ae = profileFor('aliexpress');
  it.each([
    ['等待买家付款', 'unpaid'],
    ['等待卖家发货', 'paid'],
    ['运输中', 'shipped'],
    ['买家已签收', 'signed'],
    ['平台已放款', 'succeeded'],
    ['交易关闭', 'closed'],
  ])('aliexpress %s → %s', (state, neutral) => expect(neutralOrderState(state, ae)).toBe(neutral));

  it.each([
    ['jd', '等待付款', 'unpaid'],
    ['jd', '等待出库', 'paid'],
    ['jd', '等待收货', 'shipped'],
    ['jd', '完成', 'succeeded'],
    ['jd', '已取消', 'closed'],
    ['pdd', '待支付', 'unpaid'],
    ['pdd', '待发货', 'paid'],
    ['pdd', '已发货待签收', 'shipped'],
    ['pdd', '已签收', 'signed'],
    ['pdd', '交易成功', 'succeeded'],
    ['pdd', '已取消', 'closed'],
  ] as const)('%s %s → %s', (platform, state, neutral) =>
    expect(neutralOrderState(state, profileFor(platform))).toBe(neutral),
  );
});
