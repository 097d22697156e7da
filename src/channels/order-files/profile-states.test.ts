import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../core/rules/load-profiles.js';
import { profileStates } from './profile-states.js';
import { STATE_KEYS } from './order-states.js';

describe('import states named by the platform profile (O1)', () => {
  const profiles = loadProfiles();
  const names = (platform: 'tmall' | 'pdd' | 'jd') => {
    const states = profileStates(profiles[platform].orders.machine);
    return Object.fromEntries(STATE_KEYS.map((k) => [k, states.name(k)]));
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
    const tmall = profileStates(profiles.tmall.orders.machine);
    expect(tmall.name('awaitingShipment', '买家已付款，等待卖家发货')).toBe('买家已付款等待卖家发货');
    expect(tmall.name('awaitingShipment', '卖家部分发货')).toBe('买家已付款等待卖家发货');
    expect(profileStates(profiles.jd.orders.machine).name('shipped', '等待确认收货')).toBe('等待收货');
  });

  it('ranks stored states in the flow so imports never move an order back', () => {
    const tmall = profileStates(profiles.tmall.orders.machine);
    expect(tmall.rank('买家已付款,等待卖家发货')).toBeLessThan(tmall.rank('卖家已发货等待买家确认') ?? -1);
    expect(tmall.rank('交易成功')).toBeLessThan(tmall.rank('交易关闭') ?? -1);
    expect(tmall.rank('自定义状态')).toBeUndefined();
  });
});
