// S1: the shop's buyer notice (买家须知), generated from its settings — shipping cut-off and
// couriers, regions and what ships free, colour difference and size tolerance, the return window
// and its conditions, what is not a quality problem, the review policy (seed 004's model notice) —
// in Chinese, and in English for AliExpress. Each line is then checked: by the reply guard (the
// app does that: 不包邮 where the shop promises 包邮 is D5, charging for invoices is D4, rewards for
// good reviews D9) and here for what the guard cannot see alone: a line refusing returns while the
// shop offers 7-day returns, or a return window shorter than the 7 days the marketplaces require.
import { z } from 'zod';

/** Extra notice fields a shop may keep in its settings under `buyerNotice` (all optional). */
export const buyerNoticeSettingsSchema = z.object({
  colourNote: z.string().max(200).optional(),
  sizeToleranceCm: z.number().min(0).max(20).optional(),
  notQualityProblems: z.array(z.string().min(1).max(100)).max(20).optional(),
  reviewPolicy: z.string().max(300).optional(),
  regions: z.array(z.string().min(1).max(30)).max(40).optional(),
  extraLines: z.array(z.string().min(1).max(300)).max(30).optional(),
});
export type BuyerNoticeSettings = z.infer<typeof buyerNoticeSettingsSchema>;

export interface NoticeShop {
  name: string;
  platform: string;
  shipCutoff: string;
  couriers: string[];
  freeShipping: boolean;
  freeShippingExcludedRegions: { region: string; feeYuan?: number | undefined }[];
  returnDays: number;
  returnShippingNote: string;
  invoice: { types: string[]; when: string };
  shipByHours: number;
}

/**
 * The setting a notice line comes from. The 设置 editor edits all but `freeShipping` (包邮 and the
 * excluded regions) and `invoice`, which keep their own settings.
 */
export const NOTICE_LINE_FIELDS = [
  'shipCutoff', 'couriers', 'regions', 'freeShipping', 'colourNote', 'sizeToleranceCm', 'returnDays',
  'notQualityProblems', 'invoice', 'reviewPolicy', 'extraLines',
] as const;
export type NoticeLineField = (typeof NOTICE_LINE_FIELDS)[number];
export const EDITOR_LINE_FIELDS: ReadonlySet<NoticeLineField> = new Set(NOTICE_LINE_FIELDS.filter((f) => f !== 'freeShipping' && f !== 'invoice'));

export interface NoticeLine {
  section: string;
  text: string;
  /** true: written by the seller (extra lines), not generated. */
  own: boolean;
  /** The setting the line is generated from. */
  field: NoticeLineField;
}

export interface NoticeFlag {
  rule: string;
  title: string;
  severity: 'block' | 'warn';
  message: string;
  /** A 疑似 finding of the guard's learned layer: shown, not counted as a broken rule. */
  suspected?: boolean;
}

/** Marketplaces where 7-day no-reason returns are the rule (seed 000: 七天退货 under 消费者保障). */
const SEVEN_DAY_PLATFORMS = new Set(['taobao', 'tmall', 'jd', 'pdd']);
const REFUSES_RETURNS = /(不退不换|概不退换|不支持(七天|7天)?(无理由)?退|不接受(任何)?退|拒绝退|一律不退|售出不退|不予退换)/;

export function buildBuyerNotice(shop: NoticeShop, extra: BuyerNoticeSettings, lang: 'zh' | 'en'): NoticeLine[] {
  const lines: NoticeLine[] = [];
  const add = (field: NoticeLineField, section: string, text: string, own = false) => lines.push({ section, text, own, field });
  if (lang === 'zh') {
    add('shipCutoff', '发货', `每天 ${shop.shipCutoff} 前付款的订单当天发货，之后的次日发出；付款后 ${shop.shipByHours} 小时内发货。`);
    if (shop.couriers.length > 0) add('couriers', '快递', `默认发${shop.couriers.join('、')}，如需指定快递请拍下前联系客服。`);
    if (extra.regions?.length) add('regions', '配送地区', `可配送地区：${extra.regions.join('、')}。`);
    if (shop.freeShipping) {
      add('freeShipping', '运费', '本店商品包邮。');
      for (const r of shop.freeShippingExcludedRegions) {
        add('freeShipping', '运费', `${r.region}地区不包邮${r.feeYuan !== undefined ? `，需补运费 ${r.feeYuan} 元` : ''}。`);
      }
    }
    add('colourNote', '色差', extra.colourNote ?? '商品均为实物拍摄，因光线和显示器不同，可能存在轻微色差，以实物为准。');
    add('sizeToleranceCm', '尺码', `尺码为手工平铺测量，存在 ${extra.sizeToleranceCm ?? 2} 厘米左右误差，拍前请对照尺码表或咨询客服。`);
    add('returnDays', '退换', shop.returnDays > 0 ? `收货后 ${shop.returnDays} 天内支持无理由退换货（${shop.returnShippingNote}）。` : '本店商品不支持无理由退换货。');
    if (extra.notQualityProblems?.length) add('notQualityProblems', '质量问题', `以下情况不属于质量问题：${extra.notQualityProblems.join('；')}。`);
    add('invoice', '发票', `可开${shop.invoice.types.join('、')}，${shop.invoice.when}开具。`);
    add('reviewPolicy', '评价', extra.reviewPolicy ?? '收到商品后请根据真实感受评价，有任何问题请先联系客服，我们会尽力为您解决。');
  } else {
    add('shipCutoff', 'Shipping', `Orders paid before ${shop.shipCutoff} (Beijing time) ship the same day; every order ships within ${shop.shipByHours} hours of payment.`);
    if (shop.couriers.length > 0) add('couriers', 'Couriers', `We ship with ${shop.couriers.join(', ')}.`);
    if (extra.regions?.length) add('regions', 'Regions', `We deliver to: ${extra.regions.join(', ')}.`);
    add('colourNote', 'Colour', extra.colourNote ?? 'Photos are of the real item; colours may differ slightly on different screens.');
    add('sizeToleranceCm', 'Size', `Sizes are measured by hand and may differ by about ${extra.sizeToleranceCm ?? 2} cm; please check the size chart.`);
    add('returnDays', 'Returns', shop.returnDays > 0 ? `Returns within ${shop.returnDays} days of delivery (${shop.returnShippingNote}).` : 'Please contact us before opening a dispute; we will solve any problem.');
    if (extra.notQualityProblems?.length) add('notQualityProblems', 'Not a defect', `Not a quality problem: ${extra.notQualityProblems.join('; ')}.`);
    add('reviewPolicy', 'Reviews', extra.reviewPolicy ?? 'Please leave an honest review; if anything is wrong, contact us first and we will solve it.');
  }
  for (const l of extra.extraLines ?? []) add('extraLines', lang === 'zh' ? '其他' : 'Other', l, true);
  return lines;
}

/** S1: what a line breaks that the reply guard does not judge alone (returns against the shop's own offer). */
export function noticeFlags(shop: Pick<NoticeShop, 'platform' | 'returnDays'>, line: NoticeLine, penaltyTitle: string | null): NoticeFlag[] {
  const flags: NoticeFlag[] = [];
  const title = penaltyTitle ?? '违背交易承诺（七天无理由退货）';
  if (REFUSES_RETURNS.test(line.text) && shop.returnDays >= 7) {
    flags.push({ rule: 'N2', title, severity: 'block', message: `店铺设置提供 ${shop.returnDays} 天无理由退换，这句须知却拒绝退换，违背交易承诺。` });
  } else if (line.section === '退换' && SEVEN_DAY_PLATFORMS.has(shop.platform) && shop.returnDays < 7) {
    flags.push({ rule: 'N2', title, severity: 'warn', message: '该平台要求支持七天无理由退货（特殊类目除外），退换期少于 7 天会被判违背承诺。' });
  } else if (REFUSES_RETURNS.test(line.text) && SEVEN_DAY_PLATFORMS.has(shop.platform)) {
    flags.push({ rule: 'N2', title, severity: 'warn', message: '该平台要求支持七天无理由退货（特殊类目除外）。' });
  }
  return flags;
}
