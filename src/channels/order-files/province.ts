// Province short names for the orders.region column ("吉林省 通化市 …" → 吉林, "内蒙古自治区" →
// 内蒙古), the names shipping-fee tables and reports use.
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西',
  '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];

/** The province an address starts with, as its short name; undefined when none does. */
export function provinceOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const a = address.replace(/^[\s,，]+/, '').replace(/^中国[\s,，]*/, '');
  for (const p of PROVINCES) if (a.startsWith(p)) return p;
  return undefined;
}
