import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../core/rules/load-profiles.js';
import { profileStateResolver } from './profile-states.js';
import { STATE_KEYS } from './order-states.js';

describe('import states named by the platform profile (O1)', () => {
  const profiles = loadProfiles();
  const names = (platform: 'tmall' | 'pdd' | 'jd') => {
    const resolve = profileStateResolver(profiles[platform].orders.machine);
    return Object.fromEntries(STATE_KEYS.map((k) => [k, resolve(k)]));
  };

  it('Taobao/Tmall: the O1 machine, from the graph', () => {
    expect(names('tmall')).toEqual({
      awaitingPayment: '等待买家付款',
      awaitingShipment: '买家已付款等待卖家发货',
      shipped: '卖家已发货等待买家确认',
      signed: '卖家已发货等待买家确认',
      completed: '交易成功',
      closed: '交易关闭',
    });
  });

  it('PDD and JD: their own machines', () => {
    expect(names('pdd')).toEqual({
      awaitingPayment: '待支付', awaitingShipment: '待发货', shipped: '已发货待签收', signed: '已签收',
      completed: '交易成功', closed: '已取消',
    });
    expect(names('jd')).toMatchObject({ awaitingShipment: '等待出库', shipped: '等待收货', completed: '完成', closed: '已取消' });
  });

  it('an export word that is a state of the profile is used as is; others fall back to the reading', () => {
    const resolve = profileStateResolver(profiles.tmall.orders.machine);
    expect(resolve('awaitingShipment', '买家已付款，等待卖家发货')).toBe('买家已付款等待卖家发货');
    expect(resolve('awaitingShipment', '卖家部分发货')).toBe('买家已付款等待卖家发货');
    expect(profileStateResolver(profiles.jd.orders.machine)('shipped', '等待确认收货')).toBe('等待收货');
  });
});
