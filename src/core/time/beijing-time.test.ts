import { describe, expect, it } from 'vitest';
import {
  beforeCutoff, beijingDayKey, beijingMonthKey, beijingParts, formatBeijing, formatBeijingDate, fromBeijingWallClock,
  parseBeijingLocal, parseClock, sameBeijingDay, startOfBeijingDay, startOfBeijingMonth,
} from './beijing-time.js';

describe('Beijing time (UTC+8, no daylight saving)', () => {
  it('wall-clock parts of an instant, given as a Date or as ms', () => {
    const at = new Date('2026-11-22T16:05:07.250Z'); // Monday 23 Nov 00:05:07.250 in Beijing
    const parts = { year: 2026, month: 11, day: 23, weekday: 1, hour: 0, minute: 5, second: 7, millisecond: 250, minutesOfDay: 5, msOfDay: 307_250 };
    expect(beijingParts(at)).toEqual(parts);
    expect(beijingParts(at.getTime())).toEqual(parts);
    expect(beijingParts(new Date('2026-11-22T15:59:59Z')).weekday).toBe(7); // still Sunday
  });

  it('calendar day and month keys turn at Beijing midnight, not UTC midnight', () => {
    expect(beijingDayKey(new Date('2024-03-31T15:59:59Z'))).toBe('2024-03-31');
    expect(beijingDayKey(new Date('2024-03-31T16:00:00Z'))).toBe('2024-04-01');
    expect(beijingDayKey(new Date('2024-02-28T16:00:00Z'), 1)).toBe('2024-03-01');
    expect(beijingDayKey(new Date('2024-01-01T00:00:00Z'), -1)).toBe('2023-12-31');
    expect(beijingMonthKey(Date.parse('2024-03-31T15:59:59Z'))).toBe('2024-03');
    expect(beijingMonthKey(Date.parse('2024-03-31T16:00:00Z'))).toBe('2024-04');
    expect(sameBeijingDay(new Date('2026-11-22T16:00:00Z'), new Date('2026-11-23T15:59:59Z'))).toBe(true);
    expect(sameBeijingDay(new Date('2026-11-22T15:59:59Z'), new Date('2026-11-22T16:00:00Z'))).toBe(false);
  });

  it('start of a Beijing day and month', () => {
    const at = new Date('2026-12-31T17:30:00Z'); // 1 Jan 2027 01:30 in Beijing
    expect(startOfBeijingDay(at).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(startOfBeijingDay(at, -1).toISOString()).toBe('2026-12-30T16:00:00.000Z');
    expect(startOfBeijingMonth(at).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(startOfBeijingMonth(at, 1).toISOString()).toBe('2027-01-31T16:00:00.000Z');
    expect(startOfBeijingMonth(new Date('2026-12-31T15:00:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('a wall-clock time exists or is null', () => {
    expect(fromBeijingWallClock(2024, 2, 29, 10, 0)).toBe(Date.parse('2024-02-29T02:00:00Z'));
    expect(fromBeijingWallClock(2023, 2, 29)).toBeNull();
    expect(fromBeijingWallClock(2024, 13, 1)).toBeNull();
    expect(fromBeijingWallClock(2024, 1, 0)).toBeNull();
    expect(fromBeijingWallClock(2024, 1, 1, 24)).toBeNull();
    expect(fromBeijingWallClock(2024, 1, 1, 23, 60)).toBeNull();
  });

  it.each([
    ['2016/5/23 22:02', '2016-05-23T14:02:00.000Z'],
    ['2020-02-21 00:00:00', '2020-02-20T16:00:00.000Z'],
    ['2020.2.21', '2020-02-20T16:00:00.000Z'],
    ['2020年2月21日 8:00', '2020-02-21T00:00:00.000Z'],
    [' 2020-02-21T08:00:00.999 ', '2020-02-21T00:00:00.000Z'],
  ])('reads the local time %s on the Beijing clock', (text, iso) => {
    expect(parseBeijingLocal(text)?.toISOString()).toBe(iso);
  });

  it.each(['2023-02-29', '2020-13-01', '2020-01-01 24:00', '2020-01-01 10:60', '20-01-01', 'tomorrow', ''])('rejects %s', (text) => {
    expect(parseBeijingLocal(text)).toBeNull();
  });

  it('B2 cut-off: strictly before HH:MM on the Beijing clock', () => {
    expect(parseClock('16:00')).toBe(960);
    expect(parseClock('soon')).toBe(0);
    expect(beforeCutoff(new Date('2026-11-23T07:59:59Z'), '16:00')).toBe(true);
    expect(beforeCutoff(new Date('2026-11-23T08:00:00Z'), '16:00')).toBe(false);
    expect(beforeCutoff(new Date('2026-11-22T16:30:00Z'), '16:00')).toBe(true); // 00:30 next day
  });

  it('formats as buyers read it', () => {
    expect(formatBeijing('2026-11-22T16:05:00Z')).toBe('11月23日 00:05');
    expect(formatBeijingDate('2026-11-24T17:00:00Z')).toBe('11月25日');
    expect(formatBeijing('not a time')).toBe('');
    expect(formatBeijingDate('')).toBe('');
  });
});
