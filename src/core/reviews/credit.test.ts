import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../rules/load-profiles.js';
import { computeCredit, type CreditReview, type Rating } from './credit.js';

const profiles = loadProfiles();
const r = (buyer: string, item: string, rating: Rating, at: string): CreditReview => ({ buyer, item, rating, at });

describe('credit (R1, R2) — Taobao', () => {
  const p = profiles.taobao;
  it('good +1, neutral 0, bad −1', () => {
    expect(computeCredit([r('a', 'x', 'good', '2024-03-01T10:00:00+08:00'), r('b', 'x', 'neutral', '2024-03-01T10:00:00+08:00'), r('c', 'x', 'bad', '2024-03-01T10:00:00+08:00')], p).credit).toBe(0);
    expect(computeCredit([r('a', 'x', 'good', '2024-03-01T10:00:00+08:00')], p).credit).toBe(1);
  });
  it('same buyer, item and rating less than 14 days after a counted one does not count', () => {
    const reviews = [
      r('a', 'x', 'good', '2024-03-01T10:00:00+08:00'),
      r('a', 'x', 'good', '2024-03-14T09:59:59+08:00'),
      r('a', 'x', 'good', '2024-03-15T10:00:00+08:00'), // exactly 14 days after the counted one: counts
    ];
    expect(computeCredit(reviews, p).credit).toBe(2);
  });
  it('compares with the last counted review, not the last review', () => {
    const reviews = [
      r('a', 'x', 'good', '2024-03-01T00:00:00+08:00'),
      r('a', 'x', 'good', '2024-03-10T00:00:00+08:00'), // not counted
      r('a', 'x', 'good', '2024-03-20T00:00:00+08:00'), // 19 days after the counted one
    ];
    expect(computeCredit(reviews, p).credit).toBe(2);
  });
  it('a different item, rating or buyer is not a duplicate; input order does not matter', () => {
    const reviews = [
      r('a', 'y', 'good', '2024-03-02T00:00:00+08:00'),
      r('a', 'x', 'good', '2024-03-01T00:00:00+08:00'),
      r('a', 'x', 'bad', '2024-03-03T00:00:00+08:00'),
      r('a', 'x', 'bad', '2024-03-04T00:00:00+08:00'),
      r('b', 'x', 'good', '2024-03-05T00:00:00+08:00'),
    ];
    expect(computeCredit(reviews, p).credit).toBe(2);
  });
  it('caps a buyer at 6 a calendar month after duplicates are removed', () => {
    const reviews = Array.from({ length: 9 }, (_, i) => r('a', `item${i}`, 'good', `2024-03-0${i + 1}T12:00:00+08:00`));
    expect(computeCredit(reviews, p).credit).toBe(6);
    expect(computeCredit([...reviews, r('b', 'x', 'good', '2024-03-02T00:00:00+08:00')], p).credit).toBe(7);
  });
  it('the month is the Beijing calendar month', () => {
    // 2024-03-31T16:30Z is 2024-04-01 00:30 in Beijing: a new month.
    const march = Array.from({ length: 6 }, (_, i) => r('a', `m${i}`, 'good', `2024-03-1${i}T12:00:00+08:00`));
    expect(computeCredit([...march, r('a', 'n', 'good', '2024-03-31T16:30:00Z')], p).credit).toBe(7);
    expect(computeCredit([...march, r('a', 'n', 'good', '2024-03-31T15:30:00Z')], p).credit).toBe(6);
  });
  it('bad reviews lower the month below the cap', () => {
    const reviews = [
      ...Array.from({ length: 8 }, (_, i) => r('a', `g${i}`, 'good', `2024-05-0${i + 1}T12:00:00+08:00`)),
      r('a', 'b1', 'bad', '2024-05-20T12:00:00+08:00'),
    ];
    // 8 − 1 = 7 net, capped at 6
    expect(computeCredit(reviews, p).credit).toBe(6);
  });
  it('rejects an invalid time', () => {
    expect(() => computeCredit([r('a', 'x', 'good', 'soon')], p)).toThrow(/时间无效/);
  });
});

describe('credit (R2) — Tmall counts only a buyer\'s first 3 a month', () => {
  const p = profiles.tmall;
  it('first three reviews of a buyer in a month', () => {
    const reviews = Array.from({ length: 5 }, (_, i) => r('a', `i${i}`, 'good', `2024-03-0${i + 1}T12:00:00+08:00`));
    expect(computeCredit(reviews, p).credit).toBe(3);
    expect(computeCredit([...reviews, r('a', 'z', 'good', '2024-04-01T00:00:00+08:00')], p).credit).toBe(4);
  });
  it('duplicates are removed before counting the first three', () => {
    const reviews = [
      r('a', 'x', 'good', '2024-03-01T00:00:00+08:00'),
      r('a', 'x', 'good', '2024-03-02T00:00:00+08:00'),
      r('a', 'y', 'bad', '2024-03-03T00:00:00+08:00'),
      r('a', 'z', 'good', '2024-03-04T00:00:00+08:00'),
      r('a', 'w', 'good', '2024-03-05T00:00:00+08:00'),
    ];
    expect(computeCredit(reviews, p).credit).toBe(1);
  });
});
