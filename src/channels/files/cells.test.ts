import { describe, expect, it } from 'vitest';
import { cleanCell, looksLikeSummary, parseBeijingTime, parseCount, parseFen, RowError } from './cells.js';

describe('cell readers (O2 import)', () => {
  it('cleans ="…", Excel apostrophes, BOM and spaces', () => {
    expect(cleanCell(' ="1930679858170647" ')).toBe('1930679858170647');
    expect(cleanCell("'138****5678")).toBe('138****5678');
    expect(cleanCell('\ufeff订单编号')).toBe('订单编号');
    expect(cleanCell('收货地址 ')).toBe('收货地址');
    expect(cleanCell("it's")).toBe("it's");
  });

  it('reads money as integer fen without float drift', () => {
    expect(parseFen('178.8', 'x')).toBe(17880);
    expect(parseFen('0.0', 'x')).toBe(0);
    expect(parseFen('598', 'x')).toBe(59800);
    expect(parseFen('¥1,234.56', 'x')).toBe(123456);
    expect(parseFen('0.29', 'x')).toBe(29);
    expect(parseFen('-3.10', 'x')).toBe(-310);
    expect(parseFen('12.500', 'x')).toBe(1250);
    expect(parseFen('0元', 'x')).toBe(0);
    expect(parseFen('', 'x')).toBeUndefined();
    expect(() => parseFen('abc', '总金额')).toThrow(/总金额/);
    expect(() => parseFen('1.234', 'x')).toThrow(RowError);
    expect(() => parseFen('99999999999', 'x')).toThrow(/过大/);
  });

  it('reads Beijing wall-clock time as +08:00', () => {
    expect(parseBeijingTime('2020-02-21 00:00:00', 't')?.toISOString()).toBe('2020-02-20T16:00:00.000Z');
    expect(parseBeijingTime('2016/5/23 22:02', 't')?.toISOString()).toBe('2016-05-23T14:02:00.000Z');
    expect(parseBeijingTime('2024-03-01', 't')?.toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(parseBeijingTime('', 't')).toBeUndefined();
    expect(() => parseBeijingTime('2024-02-30 10:00:00', '订单创建时间')).toThrow(/订单创建时间/);
    expect(() => parseBeijingTime('2024/13/1 25:00', 't')).toThrow(RowError);
    expect(() => parseBeijingTime('昨天', 't')).toThrow(RowError);
  });

  it('reads counts and recognises summary lines', () => {
    expect(parseCount('2件', 'n')).toBe(2);
    expect(() => parseCount('1.5', 'n')).toThrow(RowError);
    expect(looksLikeSummary('合计')).toBe(true);
    expect(looksLikeSummary('共 12 条')).toBe(true);
    expect(looksLikeSummary('2940011223344550')).toBe(false);
  });
});
