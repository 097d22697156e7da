// A small clothing shop for the planner's tests: T-shirts and trousers with colours, sizes and
// live stock (one item sold out, one variant sold out, one nearly gone), a size chart, promotions
// and one buyer's orders in every state.
import { emptyEntities, type Entities } from '../entities.js';
import type { IntentId } from '../intents.js';
import type { ConversationState, Item, Order, PlanInput, Promotion, Shop, Variant } from './types.js';

export const shop: Shop = {
  id: 'shop-1',
  name: '衣小铺旗舰店',
  platform: 'taobao',
  agentName: '客服8号',
  settings: {
    shipCutoff: '16:00',
    couriers: ['中通', '圆通'],
    freeShipping: true,
    freeShippingExcludedRegions: [
      { region: '新疆', feeYuan: 10 },
      { region: '西藏', feeYuan: 15 },
      { region: '香港' },
    ],
    invoice: { types: ['电子普通发票', '增值税专用发票'], when: '确认收货后3个工作日内' },
    returnDays: 7,
    returnShippingNote: '店铺赠送运费险，退回运费由保险承担',
    crossSell: { T恤: ['裤子'], 裤子: ['T恤'] },
    bot: {
      handoverBelowConfidence: 0.3,
      clarifyBelowConfidence: 0.55,
      maxBotTurnsWithoutHuman: 8,
      lowStockThreshold: 3,
    },
  },
};

const grid = (colours: string[], sizes: string[], stock: (c: string, s: string) => number): Variant[] =>
  colours.flatMap((colour) => sizes.map((size) => ({ colour, size, stock: stock(colour, size) })));

export const sizeChart = [
  { size: 'S', heightCm: [150, 159] as [number, number], weightJin: [80, 94] as [number, number] },
  { size: 'M', heightCm: [160, 167] as [number, number], weightJin: [95, 110] as [number, number] },
  { size: 'L', heightCm: [168, 174] as [number, number], weightJin: [111, 125] as [number, number] },
  { size: 'XL', heightCm: [175, 185] as [number, number], weightJin: [126, 145] as [number, number] },
];

export const items: Item[] = [
  {
    id: 'T1',
    title: '纯棉短袖T恤',
    category: 'T恤',
    price: 59,
    attributes: { 材质: '100%新疆长绒棉', 厚薄: '适中', 弹力: '微弹' },
    // 黑色 M sold out, 白色 L nearly gone, 灰色 sold out in every size.
    variants: grid(['白色', '黑色', '灰色'], ['S', 'M', 'L', 'XL'], (c, s) =>
      c === '灰色' ? 0 : c === '黑色' && s === 'M' ? 0 : c === '白色' && s === 'L' ? 2 : 20,
    ),
    similarItemIds: ['T3'],
    sizeChart,
    salesCount: 900,
  },
  {
    id: 'T2',
    title: '宽松印花T恤',
    category: 'T恤',
    price: 79,
    attributes: { 材质: '棉95% 氨纶5%' },
    variants: grid(['白色', '粉色'], ['S', 'M', 'L'], () => 0),
    similarItemIds: ['T3'],
    sizeChart,
    restockAt: '2026-11-30T02:00:00Z',
    salesCount: 300,
  },
  {
    id: 'T3',
    title: '冰丝圆领T恤',
    category: 'T恤',
    price: 69,
    attributes: { 材质: '冰丝（锦纶+氨纶）' },
    variants: grid(['白色', '雾蓝'], ['S', 'M', 'L', 'XL'], () => 15),
    similarItemIds: [],
    sizeChart,
    salesCount: 400,
  },
  {
    id: 'T4',
    title: '重磅oversize T恤',
    category: 'T恤',
    price: 199,
    attributes: { 材质: '300g重磅棉' },
    variants: grid(['黑色'], ['M', 'L', 'XL'], () => 30),
    similarItemIds: [],
    salesCount: 100,
  },
  {
    id: 'P1',
    title: '直筒休闲裤',
    category: '裤子',
    price: 129,
    attributes: { 材质: '棉混纺' },
    variants: grid(['卡其', '黑色'], ['S', 'M', 'L', 'XL'], () => 12),
    similarItemIds: [],
    salesCount: 500,
  },
  {
    id: 'P2',
    title: '高腰牛仔裤',
    category: '裤子',
    price: 159,
    attributes: { 材质: '牛仔布' },
    variants: grid(['浅蓝'], ['S', 'M', 'L'], () => 8),
    similarItemIds: [],
    salesCount: 800,
  },
  {
    id: 'P3',
    title: '真丝阔腿裤',
    category: '裤子',
    price: 399,
    attributes: { 材质: '桑蚕丝' },
    variants: grid(['白色'], ['S', 'M', 'L', 'XL'], () => 5),
    similarItemIds: [],
    salesCount: 50,
  },
];

export const promotions: Promotion[] = [
  { id: 'c1', kind: 'coupon', text: '满199减20优惠券', botMayOffer: true, validTo: '2026-12-31T16:00:00Z' },
  { id: 'g1', kind: 'gift', text: '同色系收纳袋一个', botMayOffer: true },
  { id: 'f1', kind: 'freight', text: '偏远地区运费减半', botMayOffer: true },
  { id: 'x1', kind: 'coupon', text: '店长专属8折券', botMayOffer: false },
  { id: 'old', kind: 'coupon', text: '双十一满300减50', botMayOffer: true, validTo: '2026-11-12T16:00:00Z' },
];

/** 10:00 Beijing time on 2026-11-23: before the 16:00 cut-off. */
export const MORNING = new Date('2026-11-23T02:00:00Z');
/** 17:30 Beijing time on 2026-11-23: after the cut-off. */
export const EVENING = new Date('2026-11-23T09:30:00Z');

const address = { receiver: '王**', phone: '138****5678', text: '浙江省杭州市西湖区文三路***号' };
const line = { itemId: 'T1', title: '纯棉短袖T恤', colour: '白色', size: 'M', quantity: 1, price: 59 };

export const orders: Record<
  'unpaid' | 'paid' | 'paidLate' | 'shipped' | 'signed' | 'old' | 'refunding',
  Order
> = {
  unpaid: {
    id: 'o-unpaid',
    platformOrderNo: '3300000000000001',
    buyerId: 'buyer-1',
    state: 'unpaid',
    createdAt: '2026-11-23T01:30:00Z',
    logistics: [],
    address,
    lines: [line],
  },
  paid: {
    id: 'o-paid',
    platformOrderNo: '3300000000000002',
    buyerId: 'buyer-1',
    state: 'paid',
    createdAt: '2026-11-23T00:50:00Z',
    paidAt: '2026-11-23T01:00:00Z',
    logistics: [],
    address,
    buyerNote: '请不要放快递柜',
    lines: [line],
  },
  /** Paid yesterday at 18:00 Beijing, after that day's cut-off. */
  paidLate: {
    id: 'o-paid-late',
    platformOrderNo: '3300000000000003',
    buyerId: 'buyer-1',
    state: 'paid',
    createdAt: '2026-11-22T09:55:00Z',
    paidAt: '2026-11-22T10:00:00Z',
    logistics: [],
    address,
    lines: [line],
  },
  shipped: {
    id: 'o-shipped',
    platformOrderNo: '3300000000000004',
    buyerId: 'buyer-1',
    state: 'shipped',
    createdAt: '2026-11-20T02:00:00Z',
    paidAt: '2026-11-20T02:05:00Z',
    shippedAt: '2026-11-20T07:00:00Z',
    trackingNo: 'ZT7788990011',
    courier: '中通',
    logistics: [
      { at: '2026-11-20T07:00:00Z', text: '快件已揽收' },
      { at: '2026-11-22T13:20:00Z', text: '快件已到达【杭州转运中心】' },
      { at: '2026-11-21T03:00:00Z', text: '快件离开【广州转运中心】' },
    ],
    address,
    lines: [line],
  },
  signed: {
    id: 'o-signed',
    platformOrderNo: '3300000000000005',
    buyerId: 'buyer-1',
    state: 'signed',
    createdAt: '2026-11-15T02:00:00Z',
    paidAt: '2026-11-15T02:05:00Z',
    shippedAt: '2026-11-15T07:00:00Z',
    signedAt: '2026-11-20T06:00:00Z',
    trackingNo: 'YT1234567890',
    courier: '圆通',
    logistics: [{ at: '2026-11-20T06:00:00Z', text: '已签收，签收人：本人' }],
    address,
    lines: [line],
  },
  old: {
    id: 'o-old',
    platformOrderNo: '3300000000000006',
    buyerId: 'buyer-1',
    state: 'succeeded',
    createdAt: '2026-10-20T02:00:00Z',
    paidAt: '2026-10-20T02:05:00Z',
    shippedAt: '2026-10-20T07:00:00Z',
    signedAt: '2026-10-23T06:00:00Z',
    trackingNo: 'YT5555',
    courier: '圆通',
    logistics: [],
    address,
    lines: [line],
  },
  refunding: {
    id: 'o-refund',
    platformOrderNo: '3300000000000007',
    buyerId: 'buyer-1',
    state: 'paid',
    createdAt: '2026-11-21T02:00:00Z',
    paidAt: '2026-11-21T02:05:00Z',
    logistics: [],
    address,
    lines: [line],
    refundState: '退款申请等待卖家确认中',
  },
};

export interface CaseInput {
  text: string;
  intent: IntentId;
  confidence?: number;
  secondary?: IntentId;
  entities?: Partial<Entities>;
  orders?: Order[];
  conversation?: Partial<ConversationState>;
  isFirstMessage?: boolean;
  now?: Date;
  shop?: Shop;
  promotions?: Promotion[];
  standardAnswers?: PlanInput['standardAnswers'];
  items?: Item[];
}

/** A planner input for one buyer message; by default mid-conversation about item T1 at 10:00. */
export function makeInput(c: CaseInput): PlanInput {
  return {
    nlu: {
      intent: c.intent,
      confidence: c.confidence ?? 0.9,
      entities: { ...emptyEntities(), ...c.entities },
      secondary: c.secondary ?? null,
    },
    text: c.text,
    conversation: {
      stage: 'inquire',
      turns: [],
      botTurnsSinceHuman: 1,
      misunderstandings: 0,
      focusItemId: 'T1',
      // Orders count as already confirmed (C9) unless a case says otherwise.
      verifiedOrderIds: (c.orders ?? []).map((o) => o.id),
      ...c.conversation,
    },
    shop: c.shop ?? shop,
    items: c.items ?? items,
    orders: c.orders ?? [],
    standardAnswers: c.standardAnswers ?? [],
    promotions: c.promotions ?? promotions,
    now: c.now ?? MORNING,
    isFirstMessage: c.isFirstMessage ?? false,
  };
}
