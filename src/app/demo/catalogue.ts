// The demo shop's catalogue: clothing with colours and sizes, and small electronics. Written for
// the demo (our own data); stock is varied so the bot meets sold-out variants (C5) at once.
export interface DemoItem {
  sku: string;
  title: string;
  category: string;
  price: number;
  attributes: Record<string, string>;
  colours: string[];
  sizes: string[];
  /** Variant keys `colour/size` that are sold out. */
  soldOut?: string[];
  sizeChart?: 'tops' | 'bottoms' | 'shoes';
  similar?: string[];
}

export const SIZE_CHARTS = {
  tops: [
    { size: 'S', heightCm: [150, 160], weightJin: [80, 95] },
    { size: 'M', heightCm: [158, 167], weightJin: [95, 110] },
    { size: 'L', heightCm: [165, 173], weightJin: [110, 125] },
    { size: 'XL', heightCm: [170, 178], weightJin: [125, 140] },
    { size: '2XL', heightCm: [175, 185], weightJin: [140, 160] },
  ],
  bottoms: [
    { size: 'S', heightCm: [150, 160], weightJin: [80, 95] },
    { size: 'M', heightCm: [158, 167], weightJin: [95, 112] },
    { size: 'L', heightCm: [165, 174], weightJin: [112, 128] },
    { size: 'XL', heightCm: [170, 180], weightJin: [128, 145] },
  ],
  shoes: [
    { size: '36', heightCm: [150, 160], weightJin: [70, 110] },
    { size: '38', heightCm: [158, 168], weightJin: [80, 130] },
    { size: '40', heightCm: [165, 175], weightJin: [100, 150] },
    { size: '42', heightCm: [172, 185], weightJin: [120, 180] },
  ],
} as const;

const TOP = ['S', 'M', 'L', 'XL', '2XL'];
const BOTTOM = ['S', 'M', 'L', 'XL'];

export const DEMO_CATALOGUE: DemoItem[] = [
  { sku: 'TS-001', title: '纯棉圆领短袖T恤', category: 'T恤', price: 59, attributes: { 材质: '100%精梳棉', 厚薄: '适中', 版型: '宽松' }, colours: ['白色', '黑色', '雾霾蓝'], sizes: TOP, soldOut: ['白色/L', '黑色/2XL'], sizeChart: 'tops', similar: ['TS-002', 'TS-003'] },
  { sku: 'TS-002', title: '重磅落肩短袖T恤', category: 'T恤', price: 79, attributes: { 材质: '100%棉 260g', 厚薄: '厚', 版型: '落肩宽松' }, colours: ['白色', '燕麦色'], sizes: TOP, sizeChart: 'tops', similar: ['TS-001'] },
  { sku: 'TS-003', title: '冰丝速干运动T恤', category: 'T恤', price: 69, attributes: { 材质: '锦纶88% 氨纶12%', 功能: '速干透气' }, colours: ['黑色', '灰色'], sizes: TOP, soldOut: ['灰色/M'], sizeChart: 'tops', similar: ['TS-001'] },
  { sku: 'SH-001', title: '牛津纺长袖衬衫', category: '衬衫', price: 129, attributes: { 材质: '100%棉 牛津纺', 版型: '常规' }, colours: ['白色', '浅蓝'], sizes: TOP, sizeChart: 'tops', similar: ['SH-002'] },
  { sku: 'SH-002', title: '法式碎花雪纺衬衫', category: '衬衫', price: 149, attributes: { 材质: '聚酯纤维 雪纺', 厚薄: '薄' }, colours: ['碎花白', '碎花蓝'], sizes: ['S', 'M', 'L'], soldOut: ['碎花蓝/S'], sizeChart: 'tops', similar: ['SH-001'] },
  { sku: 'JN-001', title: '高腰直筒牛仔裤', category: '裤子', price: 159, attributes: { 材质: '棉98% 氨纶2%', 弹力: '微弹' }, colours: ['浅蓝', '深蓝'], sizes: BOTTOM, soldOut: ['浅蓝/L'], sizeChart: 'bottoms', similar: ['JN-002', 'PT-001'] },
  { sku: 'JN-002', title: '阔腿拖地牛仔裤', category: '裤子', price: 169, attributes: { 材质: '100%棉', 弹力: '无弹' }, colours: ['深蓝', '黑色'], sizes: BOTTOM, sizeChart: 'bottoms', similar: ['JN-001'] },
  { sku: 'PT-001', title: '垂感西装阔腿裤', category: '裤子', price: 139, attributes: { 材质: '聚酯纤维 醋酸', 厚薄: '适中' }, colours: ['黑色', '杏色', '灰色'], sizes: BOTTOM, sizeChart: 'bottoms', similar: ['JN-001'] },
  { sku: 'PT-002', title: '加绒休闲运动裤', category: '裤子', price: 99, attributes: { 材质: '棉65% 聚酯纤维35%', 厚薄: '加绒' }, colours: ['黑色', '灰色'], sizes: BOTTOM, sizeChart: 'bottoms', similar: ['PT-001'] },
  { sku: 'DR-001', title: '收腰法式连衣裙', category: '连衣裙', price: 219, attributes: { 材质: '聚酯纤维', 裙长: '中长款' }, colours: ['黑色', '酒红'], sizes: ['S', 'M', 'L'], soldOut: ['酒红/M'], sizeChart: 'tops', similar: ['DR-002'] },
  { sku: 'DR-002', title: '针织吊带连衣裙', category: '连衣裙', price: 189, attributes: { 材质: '粘纤70% 锦纶30%', 弹力: '高弹' }, colours: ['燕麦色', '黑色'], sizes: ['S', 'M', 'L'], sizeChart: 'tops', similar: ['DR-001'] },
  { sku: 'HD-001', title: '连帽加绒卫衣', category: '卫衣', price: 159, attributes: { 材质: '棉80% 聚酯纤维20%', 厚薄: '加绒' }, colours: ['灰色', '黑色', '藏青'], sizes: TOP, sizeChart: 'tops', similar: ['HD-002'] },
  { sku: 'HD-002', title: '圆领宽松卫衣', category: '卫衣', price: 129, attributes: { 材质: '100%棉 毛圈', 厚薄: '适中' }, colours: ['杏色', '浅灰'], sizes: TOP, soldOut: ['杏色/M', '杏色/L'], sizeChart: 'tops', similar: ['HD-001'] },
  { sku: 'DJ-001', title: '90白鸭绒短款羽绒服', category: '外套', price: 499, attributes: { 材质: '面料锦纶 填充90%白鸭绒', 充绒量: '160g' }, colours: ['黑色', '奶白'], sizes: TOP, sizeChart: 'tops', similar: ['CT-001'] },
  { sku: 'CT-001', title: '双面羊毛大衣', category: '外套', price: 899, attributes: { 材质: '羊毛90% 羊绒10%', 版型: '落肩' }, colours: ['驼色', '黑色'], sizes: ['S', 'M', 'L'], soldOut: ['驼色/S'], sizeChart: 'tops', similar: ['DJ-001'] },
  { sku: 'KN-001', title: '羊毛圆领毛衣', category: '毛衣', price: 259, attributes: { 材质: '100%羊毛', 厚薄: '适中' }, colours: ['米白', '灰色', '酒红'], sizes: TOP, sizeChart: 'tops', similar: ['HD-002'] },
  { sku: 'SN-001', title: '轻便透气跑步鞋', category: '鞋', price: 299, attributes: { 鞋面: '飞织网布', 鞋底: 'EVA' }, colours: ['白色', '黑色'], sizes: ['36', '38', '40', '42'], soldOut: ['白色/38'], sizeChart: 'shoes', similar: ['SN-002'] },
  { sku: 'SN-002', title: '复古德训板鞋', category: '鞋', price: 239, attributes: { 鞋面: '头层牛皮', 鞋底: '橡胶' }, colours: ['白绿', '白灰'], sizes: ['36', '38', '40', '42'], sizeChart: 'shoes', similar: ['SN-001'] },
  { sku: 'SK-001', title: '精梳棉中筒袜（5双装）', category: '配饰', price: 29, attributes: { 材质: '精梳棉80%' }, colours: ['混色'], sizes: ['均码'] },
  { sku: 'HT-001', title: '针织保暖毛线帽', category: '配饰', price: 39, attributes: { 材质: '腈纶' }, colours: ['黑色', '米白'], sizes: ['均码'] },
  { sku: 'EP-001', title: '主动降噪蓝牙耳机', category: '耳机', price: 299, attributes: { 续航: '单次8小时 配合充电仓30小时', 蓝牙: '5.3', 保修: '一年' }, colours: ['白色', '黑色'], sizes: [''], soldOut: ['黑色/'], similar: ['EP-002'] },
  { sku: 'EP-002', title: '半入耳蓝牙耳机', category: '耳机', price: 129, attributes: { 续航: '单次5小时', 蓝牙: '5.3', 保修: '一年' }, colours: ['白色'], sizes: [''], similar: ['EP-001'] },
  { sku: 'PB-001', title: '20000mAh快充充电宝', category: '充电宝', price: 149, attributes: { 容量: '20000mAh', 快充: '22.5W', 保修: '一年' }, colours: ['白色', '黑色'], sizes: [''], similar: ['PB-002'] },
  { sku: 'PB-002', title: '10000mAh磁吸充电宝', category: '充电宝', price: 169, attributes: { 容量: '10000mAh', 快充: '20W 磁吸', 保修: '一年' }, colours: ['白色', '紫色'], sizes: [''], soldOut: ['紫色/'], similar: ['PB-001'] },
  { sku: 'CB-001', title: 'Type-C快充数据线 1米', category: '数据线', price: 19, attributes: { 长度: '1米', 功率: '60W' }, colours: ['白色'], sizes: [''], similar: ['CB-002'] },
  { sku: 'CB-002', title: 'Type-C快充数据线 2米', category: '数据线', price: 29, attributes: { 长度: '2米', 功率: '100W' }, colours: ['白色', '黑色'], sizes: [''], similar: ['CB-001'] },
  { sku: 'CS-001', title: '透明防摔手机壳', category: '手机壳', price: 39, attributes: { 材质: 'TPU+PC', 适用: 'iPhone 15/16 系列' }, colours: ['透明'], sizes: ['iPhone 15', 'iPhone 16', 'iPhone 16 Pro'], soldOut: ['透明/iPhone 15'] },
  { sku: 'WB-001', title: '智能运动手环', category: '智能穿戴', price: 199, attributes: { 续航: '14天', 防水: '5ATM', 保修: '一年' }, colours: ['黑色', '粉色'], sizes: [''], similar: ['WB-002'] },
  { sku: 'WB-002', title: '智能手表 血氧心率', category: '智能穿戴', price: 399, attributes: { 续航: '7天', 防水: '5ATM', 保修: '一年' }, colours: ['黑色', '银色'], sizes: [''], similar: ['WB-001'] },
  { sku: 'CH-001', title: '65W氮化镓充电器', category: '充电器', price: 89, attributes: { 功率: '65W', 接口: '2C1A', 保修: '一年' }, colours: ['白色'], sizes: [''], similar: ['CB-001'] },
];
