// Province names as buyers and order files write them, reduced to the short name a fee table
// uses (广西壮族自治区 → 广西, 上海市 → 上海, 香港特别行政区 → 香港).
const SHORT_NAMES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江',
  '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州',
  '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
] as const;

/** O6: the province names a shop's fee table may use (the short names above). */
export const PROVINCES: readonly string[] = SHORT_NAMES;

const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** The short name, or the trimmed input when it is not a known province. */
export function provinceShortName(name: string): string {
  const text = name.trim().replace(/\s+/g, '');
  // Longest names first so 黑龙江 and 内蒙古 are not cut short.
  for (const short of [...SHORT_NAMES].sort((a, b) => b.length - a.length)) {
    if (text.startsWith(short)) return short;
  }
  for (const suffix of SUFFIXES) {
    if (text.endsWith(suffix) && text.length > suffix.length) return text.slice(0, -suffix.length);
  }
  // Abbreviations such as 内蒙 or 黑龙 that start exactly one known name.
  const hits = SHORT_NAMES.filter((s) => text.length >= 2 && s.startsWith(text));
  return hits.length === 1 && hits[0] !== undefined ? hits[0] : text;
}

export function sameProvince(a: string, b: string): boolean {
  return provinceShortName(a) === provinceShortName(b);
}

/**
 * The receiver's province as a short name: the order's region column when it names one, else the
 * start of the address. Only the province is ever read from the address; null when neither says.
 */
export function orderProvince(region: string | null | undefined, address: string | null | undefined): string | null {
  for (const text of [region, address]) {
    if (!text) continue;
    const cleaned = text.replace(/^[\s,，]+/, '').replace(/^中国[\s,，]*/, '');
    const short = provinceShortName(cleaned.split(/[\s,，/]/)[0] ?? '');
    if (PROVINCES.includes(short)) return short;
    const start = PROVINCES.find((p) => cleaned.startsWith(p));
    if (start) return start;
  }
  return null;
}
