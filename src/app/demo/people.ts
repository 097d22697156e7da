// Demo buyers, waiting chats and shop settings (our own invented data; phones are not real).
import type { ShopSettings } from '../../core/bot/types.js';

export function demoShopSettings(agentName: string): ShopSettings & { agentName: string } {
  return {
    agentName,
    shipCutoff: '16:00',
    couriers: ['中通快递', '圆通速递', '顺丰速运（需补运费差价）'],
    freeShipping: true,
    freeShippingExcludedRegions: [
      { region: '新疆', feeYuan: 15 },
      { region: '西藏', feeYuan: 15 },
      { region: '港澳台' },
    ],
    invoice: { types: ['电子普通发票', '增值税专用发票'], when: '确认收货后24小时内开具' },
    returnDays: 7,
    returnShippingNote: '七天无理由退换，已购买运费险的退货运费由保险公司承担',
    crossSell: { T恤: ['裤子', '配饰'], 衬衫: ['裤子'], 裤子: ['T恤', '衬衫'], 连衣裙: ['外套'], 耳机: ['充电器'], 充电宝: ['数据线'], 手机壳: ['数据线'] },
    bot: { handoverBelowConfidence: 0.35, clarifyBelowConfidence: 0.55, maxBotTurnsWithoutHuman: 8, lowStockThreshold: 5 },
  };
}

export const DEMO_BUYERS = [
  { account: 'tb_小鹿乱撞', nickname: '小鹿', phone: '13812345678', address: '浙江省杭州市西湖区文三路 100 号 3 幢 201', city: '浙江', tags: ['老客户'] },
  { account: 'tb_momo2019', nickname: '陌陌', phone: '13987654321', address: '广东省深圳市南山区科技园南路 8 号', city: '广东', tags: [] },
  { account: 'tb_大橙子', nickname: '大橙子', phone: '15011112222', address: '北京市朝阳区建国路 88 号', city: '北京', tags: ['VIP'] },
  { account: 'tb_阿花', nickname: '阿花', phone: '18622223333', address: '四川省成都市武侯区人民南路 4 段', city: '四川', tags: [] },
  { account: 'tb_lucky_cat', nickname: '招财猫', phone: '17733334444', address: '新疆维吾尔自治区乌鲁木齐市天山区', city: '新疆', tags: ['议价型'] },
  { account: 'tb_夏天的风', nickname: '夏天', phone: '13644445555', address: '上海市浦东新区张江路 500 弄', city: '上海', tags: [] },
  { account: 'tb_jerry_w', nickname: 'Jerry', phone: '13555556666', address: '江苏省南京市鼓楼区中山路 1 号', city: '江苏', tags: ['VIP', '老客户'] },
  { account: 'tb_奶茶三分糖', nickname: '奶茶', phone: '13466667777', address: '湖北省武汉市洪山区珞喻路', city: '湖北', tags: [] },
  { account: 'tb_程序员小王', nickname: '小王', phone: '13377778888', address: '浙江省宁波市鄞州区天童南路', city: '浙江', tags: [] },
  { account: 'tb_月亮不睡', nickname: '月亮', phone: '13288889999', address: '山东省青岛市市南区香港中路', city: '山东', tags: [] },
  { account: 'tb_阳光少年', nickname: '阳光', phone: '13199990000', address: '河南省郑州市金水区花园路', city: '河南', tags: [] },
  { account: 'tb_糖糖', nickname: '糖糖', phone: '15900001111', address: '福建省厦门市思明区环岛路', city: '福建', tags: ['老客户'] },
];

export const DEMO_CHATS: {
  minutesAgo: number;
  status: 'bot' | 'queued' | 'assigned';
  stage: string;
  intent: string;
  lines: { author: 'buyer' | 'bot' | 'agent'; text: string }[];
}[] = [
  {
    minutesAgo: 1,
    status: 'queued',
    stage: 'bargain',
    intent: 'bargain',
    lines: [
      { author: 'buyer', text: '亲，这款还有L码吗？能便宜点不' },
      { author: 'bot', text: '亲，您好，欢迎光临小二服饰旗舰店，我是客服小美，很高兴为您服务^_^' },
      { author: 'buyer', text: '老板再少二十块我就拍了' },
    ],
  },
  {
    minutesAgo: 3,
    status: 'queued',
    stage: 'inquire',
    intent: 'complaint',
    lines: [{ author: 'buyer', text: '快递一个星期了还没到，再不处理我就投诉了' }],
  },
  {
    minutesAgo: 6,
    status: 'bot',
    stage: 'inquire',
    intent: 'size_fit',
    lines: [
      { author: 'buyer', text: '身高165体重100斤穿什么码' },
      { author: 'bot', text: '亲，按您的身高体重，这款建议选 M 码哦，穿着会比较合身^_^' },
    ],
  },
  {
    minutesAgo: 12,
    status: 'queued',
    stage: 'inquire',
    intent: 'invoice',
    lines: [{ author: 'buyer', text: '能开专票吗？公司报销用的' }],
  },
];
