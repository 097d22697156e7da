import { describe, expect, it } from 'vitest';
import { emptyEntities } from '../entities.js';
import {
  adviseSize,
  colourMatches,
  crossSell,
  generalPick,
  resolveItem,
  similarItems,
  sizeMatches,
} from './catalogue.js';
import { beforeCutoff, formatBeijing } from '../time/beijing-time.js';
import { items, shop } from '../../../test/fixtures/bot/clothing-shop.js';

const T1 = items.find((i) => i.id === 'T1')!;

describe('size advice from the chart (B2)', () => {
  const cases: [number | undefined, number | undefined, unknown][] = [
    [165, 100, { size: 'M', basis: 'both' }],
    [155, 85, { size: 'S', basis: 'both' }],
    [170, 100, { size: 'L', smaller: 'M', basis: 'both' }],
    [160, 130, { size: 'XL', smaller: 'M', basis: 'both' }],
    [172, undefined, { size: 'L', basis: 'height' }],
    [undefined, 96, { size: 'M', basis: 'weight' }],
    [190, 100, 'outside'],
    [undefined, undefined, null],
  ];
  it.each(cases)('%s cm, %s 斤 → %o', (h, w, expected) => expect(adviseSize(T1, h, w)).toEqual(expected));
  it('no chart → null', () =>
    expect(
      adviseSize(
        items.find((i) => i.id === 'T4')!,
        165,
        100,
      ),
    ).toBeNull());
});

describe('matching the buyer’s words to the catalogue', () => {
  it.each([
    ['黑色', '黑', true],
    ['黑色', '黑色', true],
    ['雾蓝', '雾蓝色', true],
    ['白色', '黑色', false],
  ])('%s ~ %s', (a, b, ok) => expect(colourMatches(a, b)).toBe(ok));
  it.each([
    ['XL', 'xl', true],
    ['2XL', 'XXL', true],
    ['M', 'M码', true],
    ['M', 'L', false],
  ])('%s ~ %s', (a, b, ok) => expect(sizeMatches(a, b)).toBe(ok));
  it('resolves an item by id, by title, else the chat item card', () => {
    expect(resolveItem(items, { ...emptyEntities(), itemRefs: ['P2'] })?.id).toBe('P2');
    expect(resolveItem(items, { ...emptyEntities(), itemRefs: ['牛仔裤'] })?.id).toBe('P2');
    expect(resolveItem(items, emptyEntities(), 'T3')?.id).toBe('T3');
    expect(resolveItem(items, emptyEntities())).toBeUndefined();
  });
});

describe('recommendations (C5, C6)', () => {
  it('similar items: listed first, then nearest price; never out of stock', () => {
    const T2 = items.find((i) => i.id === 'T2')!;
    expect(similarItems(T2, items).map((r) => r.itemId)).toEqual(['T3', 'T1', 'T4']);
    expect(similarItems(T1, items, 'S').map((r) => r.itemId)).not.toContain('T4'); // T4 has no S
  });
  it('cross-sell picks the pairing closest in price, not the dearest', () => {
    expect(crossSell(T1, items, shop.settings).map((r) => r.itemId)).toEqual(['P1', 'P2', 'P3']);
    expect(crossSell(T1, items, { ...shop.settings, crossSell: {} })).toEqual([]);
  });
  it('a general pick is a best seller at or below the median price', () => {
    expect(generalPick(items)[0]?.itemId).toBe('T1');
    expect(generalPick(items).map((r) => r.itemId)).not.toContain('P3'); // the dearest is never the pick
  });
});

describe('Beijing time', () => {
  it.each([
    ['2026-11-23T07:59:00Z', true],
    ['2026-11-23T08:00:00Z', false],
    ['2026-11-22T16:30:00Z', true], // 00:30 next day in Beijing
  ])('%s before 16:00 Beijing: %s', (iso, ok) => expect(beforeCutoff(new Date(iso), '16:00')).toBe(ok));
  it('formats as buyers read it', () => expect(formatBeijing('2026-11-22T16:05:00Z')).toBe('11月23日 00:05'));
});
