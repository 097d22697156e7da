// Word-list entities: colours, regions (province short names), couriers, dates (B2 colour,
// shipping fee by region, courier choice, delivery dates).
import { beijingDayKey, beijingParts } from '../../time/beijing-time.js';

const COLOUR_BASE = '黑|白|红|蓝|绿|黄|紫|粉|灰|棕|咖啡|咖|杏|橙|橘|青|银|金|驼|卡其|米|藏青|香槟|裸|肤|军绿|墨绿|酒红|玫红|宝蓝|天蓝|湖蓝|雾霾蓝|奶白|米白|焦糖|姜黄|薄荷绿|牛油果绿|卡其';
const COLOUR = new RegExp(`(深|浅|亮|暗|奶|荧光|藏|浅灰|深灰)?(${COLOUR_BASE})(色|的|款)`, 'g');
const COLOUR_WORDS = /透明|彩色|花色|迷彩|豹纹|条纹|格子/g;

export function extractColours(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(COLOUR)) {
    if (m[2] === '米' && m[3] !== '色') continue; // 米的 (rice) is not a colour
    const v = `${m[1] ?? ''}${m[2]}色`;
    if (!out.includes(v)) out.push(v);
  }
  for (const m of text.matchAll(COLOUR_WORDS)) if (!out.includes(m[0])) out.push(m[0]);
  // English buyers (issue 12): the colour as the shop's variants name it.
  if (/[a-z]/.test(text)) {
    for (const m of text.matchAll(EN_COLOUR)) {
      const v = EN_COLOURS[m[1]!];
      if (v && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

const EN_COLOURS: Record<string, string> = {
  black: '黑色', white: '白色', red: '红色', blue: '蓝色', green: '绿色', yellow: '黄色', purple: '紫色',
  pink: '粉色', grey: '灰色', gray: '灰色', brown: '棕色', orange: '橙色', beige: '米色', khaki: '卡其色',
  navy: '藏青色', silver: '银色', gold: '金色', golden: '金色', 'wine red': '酒红色', burgundy: '酒红色',
  'sky blue': '天蓝色', 'dark blue': '深蓝色', 'light blue': '浅蓝色', 'army green': '军绿色',
};
const EN_COLOUR = new RegExp(
  `\\b(${Object.keys(EN_COLOURS).sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);

export const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西',
  '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
] as const;
const PROVINCE_RE = new RegExp(PROVINCES.join('|'), 'g');
const REGION_ALIASES: Record<string, string> = { 内蒙: '内蒙古', 东北: '东北', 港澳台: '港澳台' };

export function extractRegions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PROVINCE_RE)) if (!out.includes(m[0])) out.push(m[0]);
  for (const [alias, name] of Object.entries(REGION_ALIASES)) {
    if (text.includes(alias) && !out.includes(name) && !(alias === '内蒙' && out.includes('内蒙古'))) out.push(name);
  }
  return out;
}

const COURIERS: Array<[RegExp, string]> = [
  [/顺丰|sf(?![a-z])/i, '顺丰'],
  [/中通/, '中通'],
  [/圆通/, '圆通'],
  [/申通/, '申通'],
  [/韵达/, '韵达'],
  [/百世|汇通/, '百世'],
  [/极兔|j&t/i, '极兔'],
  [/ems(?![a-z])/i, 'EMS'],
  [/邮政|邮局|小包/, '邮政'],
  [/京东(快递|物流|配送)/, '京东物流'],
  [/德邦/, '德邦'],
  [/天天快递/, '天天'],
  [/宅急送/, '宅急送'],
  [/安能/, '安能'],
  [/跨越/, '跨越'],
  [/优速/, '优速'],
  [/丰网/, '丰网'],
];

const COURIER_ANY = new RegExp(COURIERS.map(([re]) => `(?:${re.source})`).join('|'), 'i');

export function extractCouriers(text: string): string[] {
  if (!COURIER_ANY.test(text)) return [];
  return COURIERS.filter(([re]) => re.test(text)).map(([, name]) => name);
}

const RELATIVE_DAYS: Record<string, number> = { 大前天: -3, 前天: -2, 昨天: -1, 今天: 0, 明天: 1, 后天: 2, 大后天: 3 };
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const DATE_RE =
  /(\d{4})年(\d{1,2})月(\d{1,2})[日号]?|(\d{1,2})月(\d{1,2})[日号]|(?<![\d月])(\d{1,2})[日号](?!码)|(大前天|前天|昨天|今天|明天|后天|大后天)|(下下|下|这|本)?(?:周|星期|礼拜)([一二三四五六日天])/g;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Dates: ISO (YYYY-MM-DD) when `now` is given and the date resolves, else as written. */
export function extractDates(text: string, now?: Date): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    if (m[6] && (Number(m[6]) < 1 || Number(m[6]) > 31)) continue; // 38号 is a size, not a day
    let v: string = m[0];
    if (m[1]) v = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    else if (now && m[4]) v = `${beijingParts(now).year}-${pad(Number(m[4]))}-${pad(Number(m[5]))}`;
    else if (now && m[6]) {
      // A bare day (5号) before today's date (Beijing) means next month.
      const b = beijingParts(now);
      const day = Number(m[6]);
      const next = day < b.day;
      const year = next && b.month === 12 ? b.year + 1 : b.year;
      const month = next ? (b.month % 12) + 1 : b.month;
      v = `${year}-${pad(month)}-${pad(day)}`;
    } else if (now && m[7]) v = beijingDayKey(now, RELATIVE_DAYS[m[7]]!);
    else if (now && m[9]) {
      const weeks = m[8] === '下下' ? 2 : m[8] === '下' ? 1 : 0;
      v = beijingDayKey(now, weeks * 7 + WEEKDAYS[m[9]]! - beijingParts(now).weekday);
    }
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
