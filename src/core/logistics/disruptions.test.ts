// O7 (seed 004): the holiday calendar loads and is well-formed, a shop's entry is checked with
// stable codes and Chinese reasons, and a parcel is matched to a disruption by province, courier
// and days in transit only.
import { describe, expect, it } from 'vitest';
import { calendarSpans, logisticsCalendar, parseLogisticsCalendar, shopSpan } from './calendar.js';
import { orderProvince } from '../money/province.js';
import { addDays, disruptionPhrase, recoveryPhrase, spanAffects, spanStatus, transitDisruption, warnsEarly, type DisruptionSpan } from './disruptions.js';
import { disruptionErrors, normalizedDisruption } from '../contract/logistics-disruptions.js';
import { PROVINCES } from '../money/province.js';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('O7 holiday calendar (rules/logistics-calendar.yaml, seed 004)', () => {
  const cal = logisticsCalendar();
  it('loads, every span is a real date range with its requirement id and seed', () => {
    expect(cal.req).toContain('O7');
    expect(cal.spans.length).toBeGreaterThanOrEqual(16);
    for (const s of cal.spans) {
      expect(s.from <= s.to, `${s.name} ${s.from}`).toBe(true);
      expect(s.source.req).toBe('O7');
      expect(s.source.seed).toBe('004');
      expect(s.source.note?.length).toBeGreaterThan(5);
      expect(Date.parse(`${s.from}T00:00:00Z`)).not.toBeNaN();
    }
  });
  it('has the State Council 2026 schedule and the 2027 statutory days of 春节', () => {
    const spring = cal.spans.filter((s) => s.name === '春节');
    expect(spring.map((s) => [s.from, s.to])).toEqual([['2026-02-15', '2026-02-23'], ['2027-02-05', '2027-02-08']]);
    const national = cal.spans.filter((s) => s.name === '国庆节').map((s) => s.from);
    expect(national).toEqual(['2026-10-01', '2027-10-01']);
    // Couriers' pause around 春节 spans the holiday itself, in both years.
    const pauses = cal.spans.filter((s) => s.impact === 'pause');
    expect(pauses).toHaveLength(2);
    for (const p of pauses) {
      const holiday = spring.find((s) => s.from.slice(0, 4) === p.from.slice(0, 4))!;
      expect(p.from < holiday.from && p.to > holiday.to).toBe(true);
    }
  });
  it('refuses a broken calendar with the file and path in Chinese', () => {
    expect(() => parseLogisticsCalendar('req: [O7]\nrecovery_backlog_days: 3\nbacklog_source: {req: O7, seed: "004"}\nspans:\n  - {name: x, cause: holiday, impact: slow, from: "2026-02-30", to: "2026-03-01", source: {req: O7, seed: "004"}}\nphrases: {}\n'))
      .toThrow(/rules\/logistics-calendar.yaml: spans.0.from/);
  });
  it('reads a holiday as 假期 and the pause by its own phrase; spans cover every province', () => {
    const spans = calendarSpans();
    expect(spans.every((s) => s.provinces === null && s.source === 'calendar')).toBe(true);
    expect(spans.find((s) => s.id === '春节')?.phrase).toBe('春节假期');
    expect(spans.find((s) => s.impact === 'pause')?.phrase).toBe('春节期间快递停运');
  });
});

describe('O7 a shop entry: checks and normal form', () => {
  const ok = { provinces: ['浙江省', '江苏'], from: '2026-12-08', to: '2026-12-10', cause: 'blizzard' as const };
  it('accepts a good entry and stores short province names once', () => {
    expect(disruptionErrors(ok)).toEqual([]);
    expect(normalizedDisruption({ ...ok, provinces: ['浙江省', '浙江', '江苏'], note: '  ', courier: ' 中通 ' })).toMatchObject({ provinces: ['浙江', '江苏'], note: null, courier: '中通' });
  });
  it('refuses each problem with a stable code and a Chinese reason', () => {
    const codes = (b: Parameters<typeof disruptionErrors>[0]) => disruptionErrors(b).map((e) => e.code);
    expect(codes({ ...ok, provinces: [] })).toEqual(['DISRUPTION_NO_PROVINCE']);
    expect(disruptionErrors({ ...ok, provinces: ['火星'] })[0]).toMatchObject({ code: 'DISRUPTION_PROVINCE_UNKNOWN', messageZh: '「火星」不是已知的省份名称' });
    expect(codes({ ...ok, from: '2026-02-30' })).toEqual(['DISRUPTION_DATE_INVALID']);
    expect(disruptionErrors({ ...ok, from: '2026-12-10', to: '2026-12-08' })[0]!.messageZh).toBe('预计恢复日期（2026-12-08）不能早于开始日期（2026-12-10）');
    expect(codes({ ...ok, to: '2027-03-01' })).toEqual(['DISRUPTION_SPAN_TOO_LONG']);
    expect(codes({ ...ok, cause: 'other' })).toEqual(['DISRUPTION_NOTE_REQUIRED']);
    expect(codes({ ...ok, cause: 'other', note: '当地道路施工封闭' })).toEqual([]);
  });
});

describe('O7 matching a parcel to a disruption (province only)', () => {
  const snow: DisruptionSpan = shopSpan({ id: 'd1', provinces: ['浙江', '江苏'], courier: null, from: '2026-12-08', to: '2026-12-10', cause: 'blizzard', note: null });
  const now = at('2026-12-09T10:00:00');
  const facts = { province: '浙江', courier: '中通快递', shippedAt: at('2026-12-07T18:00:00'), now };

  it('reads the province from the region, else the start of the address; nothing else', () => {
    expect(orderProvince('浙江', null)).toBe('浙江');
    expect(orderProvince('吉林省 通化市', '北京市朝阳区')).toBe('吉林');
    expect(orderProvince(null, '广西壮族自治区南宁市青秀区某路 1 号')).toBe('广西');
    expect(orderProvince('US', '中国 黑龙江省哈尔滨市')).toBe('黑龙江');
    expect(orderProvince(null, 'Springfield, IL')).toBeNull();
    expect(orderProvince(null, null)).toBeNull();
    for (const p of PROVINCES) expect(orderProvince(`${p}某地`, null)).toBe(p);
  });
  it('matches a parcel to the region in transit while the span lasts (and the backlog days after)', () => {
    expect(spanAffects(snow, facts, 3)).toBe(true);
    expect(spanAffects(snow, { ...facts, province: '广东' }, 3)).toBe(false);
    expect(spanAffects(snow, { ...facts, province: null }, 3)).toBe(false);
    // Shipped after the span ended: not affected; span not begun yet: not affected.
    expect(spanAffects(snow, { ...facts, shippedAt: at('2026-12-11T09:00:00'), now: at('2026-12-11T12:00:00') }, 3)).toBe(false);
    expect(spanAffects(snow, { ...facts, now: at('2026-12-07T20:00:00') }, 3)).toBe(false);
    // Three days of backlog after the last day, not four.
    expect(spanAffects(snow, { ...facts, now: at('2026-12-13T20:00:00') }, 3)).toBe(true);
    expect(spanAffects(snow, { ...facts, now: at('2026-12-14T08:00:00') }, 3)).toBe(false);
  });
  it('honours the courier of an entry', () => {
    const zto = { ...snow, courier: '中通' };
    expect(spanAffects(zto, facts, 0)).toBe(true);
    expect(spanAffects(zto, { ...facts, courier: '顺丰速运' }, 0)).toBe(false);
  });
  it('prefers the shop entry, then a pause, and words cause and recovery', () => {
    const spans = [...calendarSpans(), snow];
    const during = { ...facts, shippedAt: at('2026-02-12T10:00:00'), now: at('2026-02-16T10:00:00') };
    const spring = transitDisruption(spans, during, 3)!;
    expect(spring.impact).toBe('pause');
    expect(warnsEarly(spring)).toBe(true);
    expect(disruptionPhrase(spring)).toBe('春节期间快递停运');
    expect(recoveryPhrase(spring, during.now)).toBe('预计2月25日起逐步恢复');
    const hit = transitDisruption(spans, facts, 3)!;
    expect(hit.id).toBe('d1');
    expect(disruptionPhrase(hit)).toBe('浙江、江苏暴雪天气');
    expect(recoveryPhrase(hit, now)).toBe('预计12月11日起逐步恢复');
    expect(recoveryPhrase(hit, at('2026-12-12T09:00:00'))).toBe('目前正在逐步恢复');
    expect(transitDisruption(spans, { ...facts, province: '四川' }, 3)).toBeNull();
    // A short public holiday is named, but not told before the buyer asks or tracking stalls.
    const qingming = transitDisruption(calendarSpans(), { ...facts, shippedAt: at('2026-04-03T10:00:00'), now: at('2026-04-05T10:00:00') }, 3)!;
    expect(qingming.phrase).toBe('清明节假期');
    expect(warnsEarly(qingming)).toBe(false);
  });
  it('names at most three provinces and says 等地 after; status and day arithmetic', () => {
    expect(disruptionPhrase({ provinces: ['北京', '天津', '河北', '山西'], phrase: '暴雪天气' })).toBe('北京、天津、河北等地暴雪天气');
    expect(spanStatus(snow, at('2026-12-07T23:59:00'))).toBe('upcoming');
    expect(spanStatus(snow, at('2026-12-10T23:59:00'))).toBe('active');
    expect(spanStatus(snow, at('2026-12-11T00:00:00'))).toBe('ended');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(shopSpan({ id: 'x', provinces: ['海南'], courier: null, from: '2026-09-01', to: '2026-09-02', cause: 'other', note: '当地道路施工' }).phrase).toBe('当地道路施工');
  });
});
