import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { importedStateName, STATE_KEYS } from './order-import.js';
import { stateRank } from './order-phase.js';

describe('import readings named by the platform profile (O1)', () => {
  const names = (platform: 'tmall' | 'pdd' | 'jd' | 'aliexpress') => {
    const profile = profileFor(platform);
    return Object.fromEntries(STATE_KEYS.map((k) => [k, importedStateName(profile, k)]));
  };

  it('Taobao/Tmall: the O1 machine, from the graph; no signed state of its own → shipped', () => {
    expect(names('tmall')).toEqual({
      awaitingPayment: '等待买家付款',
      awaitingShipment: '买家已付款等待卖家发货',
      shipped: '卖家已发货等待买家确认',
      signed: '卖家已发货等待买家确认',
      completed: '交易成功',
      closed: '交易关闭',
    });
  });

  it('PDD, JD and AliExpress: their own machines', () => {
    expect(names('pdd')).toEqual({
      awaitingPayment: '待支付', awaitingShipment: '待发货', shipped: '已发货待签收', signed: '已签收',
      completed: '交易成功', closed: '已取消',
    });
    expect(names('jd')).toMatchObject({ awaitingShipment: '等待出库', shipped: '等待收货', signed: '等待收货', completed: '完成', closed: '已取消' });
    expect(names('aliexpress')).toMatchObject({ signed: '买家已签收', completed: '平台已放款', closed: '交易关闭' });
  });

  it('an export word that is a state of the profile is used as is; others fall back to the reading', () => {
    const tmall = profileFor('tmall');
    expect(importedStateName(tmall, 'awaitingShipment', '买家已付款，等待卖家发货')).toBe('买家已付款等待卖家发货');
    expect(importedStateName(tmall, 'awaitingShipment', '卖家部分发货')).toBe('买家已付款等待卖家发货');
    expect(importedStateName(profileFor('jd'), 'shipped', '等待确认收货')).toBe('等待收货');
  });

  it('ranks stored states in the flow so imports never move an order back', () => {
    const tmall = profileFor('tmall');
    expect(stateRank(tmall, '买家已付款,等待卖家发货')).toBeLessThan(stateRank(tmall, '卖家已发货等待买家确认') ?? -1);
    expect(stateRank(tmall, '交易成功')).toBeLessThan(stateRank(tmall, '交易关闭') ?? -1);
    expect(stateRank(tmall, '自定义状态')).toBeNull();
  });
});
