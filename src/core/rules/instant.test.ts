import { describe, expect, it } from 'vitest';
import { beijingMonthKey } from '../time/beijing-time.js';
import { addCalendarMonths, formatInstant, parseInstant } from './instant.js';

describe('instants for platform arithmetic', () => {
  it.each([
    ['2024-05-01T10:00:00+08:00', Date.parse('2024-05-01T02:00:00Z'), 480],
    ['2024-05-01T10:00:00+0800', Date.parse('2024-05-01T02:00:00Z'), 480],
    ['2024-05-01T02:00:00Z', Date.parse('2024-05-01T02:00:00Z'), 0],
    ['2024-05-01T02:00:00.250z', Date.parse('2024-05-01T02:00:00.250Z'), 0],
    ['2024-05-01T02:00:00-05:30', Date.parse('2024-05-01T07:30:00Z'), -330],
    ['2024-05-01 10:00:00', Date.parse('2024-05-01T02:00:00Z'), null],
    ['2024-05-01T10:00', Date.parse('2024-05-01T02:00:00Z'), null],
    ['2024-05-01', Date.parse('2024-04-30T16:00:00Z'), null],
  ])('%s', (text, ms, offset) => {
    expect(parseInstant(text)).toEqual({ ms, offsetMin: offset });
  });
  it.each(['2024-02-30T00:00:00Z', '2023-02-29', '2024-13-01', '2024-05-01T24:00:00Z', 'tomorrow', ''])('rejects %s', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
  it('formats back in the offset style it was given', () => {
    const ms = Date.parse('2024-05-01T02:00:00Z');
    expect(formatInstant(ms, 480)).toBe('2024-05-01T10:00:00+08:00');
    expect(formatInstant(ms, 0)).toBe('2024-05-01T02:00:00Z');
    expect(formatInstant(ms, null)).toBe('2024-05-01T10:00:00');
    expect(formatInstant(ms + 5, -330)).toBe('2024-04-30T20:30:00.005-05:30');
  });
  it('Beijing calendar months', () => {
    expect(beijingMonthKey(Date.parse('2024-03-31T15:59:59Z'))).toBe('2024-03');
    expect(beijingMonthKey(Date.parse('2024-03-31T16:00:00Z'))).toBe('2024-04');
    expect(addCalendarMonths(Date.parse('2024-08-31T10:00:00+08:00'), -6)).toBe(Date.parse('2024-02-29T10:00:00+08:00'));
    expect(addCalendarMonths(Date.parse('2024-03-15T10:00:00+08:00'), -6)).toBe(Date.parse('2023-09-15T10:00:00+08:00'));
    expect(addCalendarMonths(Date.parse('2024-01-31T00:30:00+08:00'), 1)).toBe(Date.parse('2024-02-29T00:30:00+08:00'));
  });
});
