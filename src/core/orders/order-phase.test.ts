import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { PLATFORMS, type Platform } from '../platforms.js';
import {
  finishedStates,
  isFinished,
  orderPhase,
  ORDER_PHASES,
  phaseRank,
  stateForPhase,
  stateRank,
  type OrderPhase,
} from './order-phase.js';

/** Every state of every shipped profile's order machine (rules/*.yaml, O1) and its phase. */
const TABLE: Record<Platform, [string, OrderPhase][]> = {
  taobao: [
    ['等待买家付款', 'unpaid'],
    ['买家已付款等待卖家发货', 'paid'],
    ['卖家已发货等待买家确认', 'shipped'],
    ['交易成功', 'succeeded'],
    ['交易关闭', 'closed'],
  ],
  tmall: [
    ['等待买家付款', 'unpaid'],
    ['买家已付款等待卖家发货', 'paid'],
    ['卖家已发货等待买家确认', 'shipped'],
    ['交易成功', 'succeeded'],
    ['交易关闭', 'closed'],
  ],
  jd: [
    ['等待付款', 'unpaid'],
    ['等待出库', 'paid'],
    ['等待收货', 'shipped'],
    ['完成', 'succeeded'],
    ['已取消', 'closed'],
  ],
  pdd: [
    ['待支付', 'unpaid'],
    ['待发货', 'paid'],
    ['已发货待签收', 'shipped'],
    ['已签收', 'signed'],
    ['交易成功', 'succeeded'],
    ['已取消', 'closed'],
  ],
  aliexpress: [
    ['等待买家付款', 'unpaid'],
    ['等待卖家发货', 'paid'],
    ['运输中', 'shipped'],
    ['买家已签收', 'signed'],
    ['平台已放款', 'succeeded'],
    ['交易关闭', 'closed'],
  ],
};

describe('order phase of every state of the five profiles (O1)', () => {
  it('the table covers every state of every machine, and nothing else', () => {
    for (const platform of PLATFORMS) {
      expect(TABLE[platform].map(([s]) => s).sort(), platform).toEqual([...profileFor(platform).orders.machine.states].sort());
    }
  });

  describe.each(PLATFORMS)('%s', (platform) => {
    const profile = profileFor(platform);
    it.each(TABLE[platform])('%s → %s', (state, phase) => {
      expect(orderPhase(profile, state)).toBe(phase);
      expect(stateForPhase(profile, phase)).toBe(state);
      expect(stateRank(profile, state)).toBe(phaseRank(phase));
      expect(isFinished(profile, state)).toBe(phase === 'succeeded' || phase === 'closed');
    });

    it('finished states are exactly the machine’s finals', () => {
      expect(finishedStates(profile).sort()).toEqual([...profile.orders.machine.final].sort());
    });

    it('a phase the machine lacks has no state; a name outside the machine has no phase', () => {
      const present = new Set(TABLE[platform].map(([, p]) => p));
      for (const phase of ORDER_PHASES) expect(stateForPhase(profile, phase) === null).toBe(!present.has(phase));
      expect(orderPhase(profile, '自定义状态')).toBeNull();
      expect(stateRank(profile, 'TRADE_FINISHED')).toBeNull();
      expect(isFinished(profile, 'closed')).toBe(false);
    });
  });

  it('commas and spaces in a stored name do not matter (seed 004 writes 买家已付款,等待卖家发货)', () => {
    const taobao = profileFor('taobao');
    expect(orderPhase(taobao, '买家已付款,等待卖家发货')).toBe('paid');
    expect(orderPhase(taobao, '卖家已发货，等待买家确认')).toBe('shipped');
  });

  it('ranks follow the flow: unpaid < paid < shipped < signed < succeeded < closed', () => {
    expect(ORDER_PHASES.map(phaseRank)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
