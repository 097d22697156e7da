import { describe, expect, it } from 'vitest';
import { parseShopSettings, toPlannerSettings } from './shop-settings-schema.js';

describe('stored shop settings', () => {
  it('an empty object gives a working default shop', () => {
    const s = parseShopSettings({});
    expect(s.shipCutoff).toBe('16:00');
    expect(s.agentName).toBe('客服小二');
    expect(toPlannerSettings(s).bot.maxBotTurnsWithoutHuman).toBe(8);
  });
  it('one bad field falls back to its default and keeps the rest', () => {
    const s = parseShopSettings({ shipCutoff: 'noon', freeShipping: true, couriers: ['顺丰'] });
    expect(s.shipCutoff).toBe('16:00');
    expect(s.freeShipping).toBe(true);
    expect(s.couriers).toEqual(['顺丰']);
  });
  it('keeps the welcome override and the callback URL', () => {
    const s = parseShopSettings({
      welcomeText: '亲，欢迎光临 ^_^',
      bridgeCallbackUrl: 'https://bridge.example/cb',
    });
    expect(toPlannerSettings(s).welcomeText).toBe('亲，欢迎光临 ^_^');
    expect(s.bridgeCallbackUrl).toBe('https://bridge.example/cb');
  });
  it('null and garbage are tolerated', () => {
    expect(parseShopSettings(null).returnDays).toBe(7);
    expect(parseShopSettings('x').returnDays).toBe(7);
  });
});
