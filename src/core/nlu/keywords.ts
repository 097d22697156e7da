// Keyword groups per intent (2–3 characters each). A message containing any keyword of a group
// gets one shared feature for that group with a fixed weight, so the evidence of a strong cue
// (发票, 价保, 转人工…) is pooled across all its spellings and is not diluted in long messages.
// These are features for the learned model, not rules: the model learns how much each group counts.
import type { IntentId } from '../intents.js';

export const KEYWORDS: Partial<Record<IntentId, readonly string[]>> = {
  greeting: ['在吗', '在么', '在不', '你好', '您好', '有人', '在嘛'],
  stock: ['有货', '没货', '缺货', '现货', '库存', '补货', '断货', '到货', '上新', '新款', '卖完', '售罄', '无货'],
  size_fit: ['尺码', '码数', '偏大', '偏小', '几码', '什么码', '多大码', '身高', '体重', '合身', '太小', '太大', '码偏'],
  product_info: ['材质', '面料', '保质期', '生产日', '怎么用', '区别', '多少钱', '成分', '功能', '规格', '尺寸', '怎么吃', '配料'],
  color_appearance: ['色差', '颜色', '实物', '实拍', '图片', '外观', '照片', '上身'],
  recommend: ['推荐', '哪款', '哪个好', '哪种', '选哪个', '买哪个', '哪个更'],
  bargain: ['便宜点', '便宜些', '少点', '最低', '砍价', '议价', '优惠点', '抹零', '批发', '打个折', '少一点'],
  promotion: ['优惠券', '活动', '满减', '赠品', '送什么', '打折', '折扣', '秒杀', '预售', '领券', '有送', '送的'],
  shipping_fee: ['运费', '邮费', '包邮', '快递费', '免运'],
  ship_time: ['发货', '发出', '寄出', '出库', '揽收', '不发', '没发'],
  courier: ['顺丰', '中通', '圆通', '申通', '韵达', '邮政', 'ems', '极兔', '德邦', '百世', '什么快', '哪家快'],
  logistics: ['物流', '到哪', '签收', '快递员', '配送', '站点', '派送', '没收到', '还没到', '几天到', '能到', '送到'],
  payment: ['付款', '支付', '花呗', '白条', '分期', '改价', '付不', '代付', '定金', '尾款', '付钱', '改下价'],
  order_change: ['改地址', '地址', '取消', '备注', '改成', '拍错', '写错', '填错', '改一下'],
  invoice: ['发票', '专票', '普票', '开票', '抬头', '税号', '增票'],
  return_exchange: ['退货', '换货', '退换', '寄回', '退回', '无理由', '拒收', '换个', '换成', '退掉'],
  refund: ['退款', '退钱', '到账', '钱退', '钱什么'],
  quality_issue: ['坏了', '坏的', '破损', '漏发', '少发', '发错', '错发', '瑕疵', '质量', '有问题', '碎了', '裂了', '不能用', '用不了', '没反应', '少了'],
  warranty_repair: ['维修', '保修', '返修', '报修', '质保', '修理', '修好', '延保', '能修'],
  price_protection: ['价保', '保价', '差价', '降价', '便宜了'],
  authenticity: ['正品', '假货', '真假', '国行', '行货', '水货', '高仿', '防伪', '假的', '授权', '真的吗'],
  complaint: ['投诉', '差评', '举报', '骗子', '骗人', '欺骗', '垃圾', '态度', '忽悠', '坑人', '气死'],
  review: ['好评', '评价', '追评', '中评', '晒图', '返现', '评论', '五星'],
  thanks_bye: ['谢谢', '感谢', '好的', '再见', '拜拜', '辛苦', '麻烦了', '好嘞', '明白了', '知道了'],
  human: ['人工', '真人', '机器人', '活人'],
};
