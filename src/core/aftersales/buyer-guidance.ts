// Guidance for dissatisfied buyers (A9, seed 003) and warranty of branded goods (A10, seed 000).
export type Dissatisfaction = 'unclear' | 'seller_fault' | 'angry_threatens_bad_review' | 'buyer_misuse' | 'buyer_abuse';

export const DISSATISFACTION_STEPS_ZH: Record<Dissatisfaction, readonly string[]> = {
  unclear: ['先弄清问题：不能用、破损，还是不会使用？', '请买家描述问题并拍照'],
  seller_fault: ['先安抚并道歉', '给出一两个方案让买家选择：小额补偿或重新寄送', '记录案例，改进发货前检查'],
  angry_threatens_bad_review: ['及时回复并道歉', '表示愿意全额退款（含运费）', '请买家说明原因并拍照，以便改进'],
  buyer_misuse: ['耐心说明正确的使用方法，不责怪买家', '补充详情页的使用说明', '可适当给予下次购买优惠或小礼品'],
  buyer_abuse: ['保留聊天记录等证据', '向平台申诉，由平台裁决'],
};

export function dissatisfactionSteps(kind: Dissatisfaction): readonly string[] {
  return DISSATISFACTION_STEPS_ZH[kind];
}

/** A10: branded goods under warranty go to the official service first. */
export function warrantyGuidanceZh(branded: boolean): readonly string[] {
  return branded
    ? [
        '品牌商品在保修期内，请优先联系品牌官方售后或本地授权服务点',
        '非官方店铺拆机维修会被视为私自拆机，品牌将不再保修',
        '需要退换的，请先让官方售后开具检测单，拍照发给我们',
      ]
    : ['请描述问题并拍照，我们核实后为您安排维修、换货或退货'];
}
