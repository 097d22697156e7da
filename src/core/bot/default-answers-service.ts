// Default standard answers, order and after-sales part: shipping, logistics, payment (C8),
// order changes, verification (C9), invoice (D4), returns and refunds, complaints, reviews,
// farewell (C10) and hand-over lines (C17, C18). See default-answers.ts.
import type { StandardAnswer } from './types.js';

export const A = (intent: string, ...variants: string[]): StandardAnswer => ({ intent, variants });

export const SERVICE_ANSWERS: StandardAnswer[] = [
  A(
    'ship_time.today',
    '亲，{shop.ship_cutoff}前付款的订单当天就能发出，现在拍的话今天就给您安排发货哦',
    '现在下单付款，今天{shop.ship_cutoff}前就能给您发出，正常情况下很快就到 ^_^',
  ),
  A(
    'ship_time.tomorrow',
    '亲，今天{shop.ship_cutoff}的发货时间已经过了，现在付款的话明天会优先给您发出哦',
    '每天{shop.ship_cutoff}前的订单当天发，现在下单明天一早给您安排发货',
  ),
  A(
    'ship_time.order_today',
    '亲，您的订单{order.no}已经付款，今天就会给您发出哦',
    '您的订单{order.no}今天就会发出，发货后物流信息会同步更新的',
  ),
  A(
    'ship_time.order_tomorrow',
    '亲，您的订单{order.no}是{shop.ship_cutoff}后付款的，明天会优先给您发出哦',
    '您的订单{order.no}已经排好了，明天一早就安排发货，请亲放心',
  ),

  A(
    'courier.list',
    '亲，我们默认发{shop.couriers}，拍下时可以备注想要的快递哦',
    '店里合作的快递有{shop.couriers}，亲有指定的可以给我留言',
  ),
  A(
    'courier.ok',
    '可以的亲，拍下后备注{courier}，我们给您安排{courier}发货',
    '没问题，{courier}可以发的，亲下单时留言备注一下就好',
  ),
  A(
    'courier.other',
    '亲，为了保证时效稳定，我们目前合作的是{shop.couriers}，{courier}暂时安排不了，请亲理解哦',
    '因为{courier}我们还没有合作，发出去时效不好保证，建议选{shop.couriers}哦',
  ),

  A(
    'logistics.tracking',
    '亲，您的订单已经由{order.courier}发出，单号{order.tracking_no}\n最新物流：{order.latest_event}（{order.latest_at}）',
    '帮您查到了：{order.courier}，单号{order.tracking_no}\n最新进度：{order.latest_at} {order.latest_event}',
  ),
  A(
    'logistics.no_events',
    '亲，包裹已经由{order.courier}发出，单号{order.tracking_no}，物流信息一般几个小时后更新，请耐心等一下哦',
    '您的包裹已交给{order.courier}（单号{order.tracking_no}），揽收信息稍后会更新出来的',
  ),
  A(
    'logistics.ask_order',
    '亲，麻烦把订单号发我一下，我马上帮您查物流',
    '亲，方便提供一下订单号吗？我帮您看看包裹到哪了',
  ),
  A(
    'logistics.privacy',
    '亲，为了保护买家的信息安全，订单信息只能和下单的账号核对哦，麻烦用下单的账号联系我们',
    '为了您的隐私安全，订单详情只能跟下单账号确认，亲用拍下这单的账号来找我就可以啦',
  ),

  // C8: unpaid nudge and price-change instruction, seed 004's own wording.
  A(
    'payment.guide',
    '亲，是支付上遇到问题了吗？有不清楚的地方可以告诉我，我帮您看看 ^_^',
    '亲，付款有遇到什么问题吗？告诉我卡在哪一步，我一步步帮您',
  ),
  A(
    'payment.unpaid_nudge',
    '亲，您好，看到您拍下的订单{order.no}还没付款，是支付上遇到问题了吗？有不清楚的地方可以告诉我，或许我能帮到您 ^_^',
    '亲，订单{order.no}还在等待付款哦，是付款时遇到什么问题了吗？我可以帮您看看 [微笑]',
  ),
  A(
    'payment.price_change',
    '亲，您拍下来后先不要进入支付页面，我修改好价格后您再支付哦',
    '您先拍下，暂时不要付款，等我这边改好价格您再付，这样就不会多付了',
  ),

  A(
    'order_change.address',
    '亲，订单还没发出，可以帮您改的，麻烦把新的收货地址发我，我马上备注',
    '还来得及修改哦，亲把正确的地址发我，我这边给您更新',
  ),
  A(
    'order_change.shipped',
    '亲，包裹已经发出了，我这边马上联系快递帮您改地址，请稍等',
    '订单已经发货，我帮您联系快递尝试修改，有结果第一时间告诉您',
  ),
  A(
    'order_change.cancel_unpaid',
    '亲，未付款的订单您在"我的订单"里点取消就可以了，有需要随时再来哦',
    '还没付款的订单亲可以自己在订单页面取消，很方便的',
  ),
  A(
    'order_change.cancel_paid',
    '亲，已付款的订单在订单页面申请退款就可以取消，我们收到后会尽快处理',
    '您在订单里点"申请退款"，我们这边看到会马上处理，钱原路退回',
  ),

  // C9: verify address, phone and notes after ordering.
  A(
    'verify',
    '亲，跟您核对一下订单{order.no}的信息：\n收货人：{order.receiver}，电话：{order.phone}\n地址：{order.address}\n有需要备注的也可以告诉我哦',
    '亲，您的订单{order.no}已收到，麻烦确认一下：\n{order.receiver} {order.phone}\n{order.address}\n信息没问题的话我们就按这个发货啦',
  ),
  A(
    'verify.items',
    '宝贝：{order.items}，颜色尺码也麻烦亲再看一眼哦',
    '您拍的是{order.items}，款式颜色尺码都对的话就没问题啦',
  ),
  A(
    'verify.unfillable',
    '非常抱歉亲，您拍的{variant}刚好断货了[抱拳]\n我请同事马上跟您商量换个颜色尺码，或者为您退款',
    '真是不好意思，{variant}库存刚刚卖完了\n我这就请同事联系您，看换款还是退款，一定给您处理好',
  ),
  A(
    'verify.note',
    '您的留言"{order.note}"我们已经记下了，发货时会特别注意哦',
    '备注"{order.note}"已经登记好了，请亲放心',
  ),

  A(
    'invoice',
    '亲，可以开发票的哦，支持{invoice.types}\n下单时备注抬头和税号就可以，开票时间：{invoice.when}',
    '发票没问题的，可以开{invoice.types}\n亲把抬头和税号发我就好，开票时间：{invoice.when}',
  ),

  A(
    'return_exchange.window',
    '亲，本店支持{return.days}天无理由退换，收到宝贝后不影响二次销售都可以办理哦\n{return.shipping}',
    '收到货{return.days}天内，吊牌完好、没穿洗过，都可以退换的\n{return.shipping}',
  ),
  A(
    'return_exchange.unshipped',
    '亲，订单还没发出，想换颜色尺码的话告诉我，我直接给您改；不需要了也可以申请退款哦',
    '包裹还没发，亲想换的话说一下要哪个颜色尺码，我马上帮您改',
  ),
  A(
    'return_exchange.in_transit',
    '亲，包裹正在路上，收到后如果不合适，在{return.days}天内申请退换就可以哦',
    '宝贝已经在路上了，到了试一下，不合适{return.days}天内都能退换，请放心',
  ),
  A(
    'return_exchange.expired',
    '亲，订单已经超过{return.days}天的退换时间了，我请同事帮您看看怎么处理最好，稍等哦',
    '这单过了{return.days}天退换期，我帮您找负责售后的同事看看，一定给您一个答复',
  ),

  A(
    'refund.unshipped',
    '亲，订单还没发货，您在订单页申请退款，我们会马上拦截发货并处理退款',
    '还没发出的订单直接申请退款就可以，我们看到后会尽快同意，钱原路退回',
  ),
  A(
    'refund.in_transit',
    '亲，包裹已经发出了，您收到时拒收就可以，包裹退回后我们马上给您退款',
    '已经在路上的包裹，麻烦亲拒签一下，快递退回我们这边就立刻退款',
  ),
  A(
    'refund.received',
    '亲，收到的宝贝麻烦寄回给我们，填上退货单号，我们收到检查后就给您退款',
    '亲申请退货退款后把宝贝寄回，填写退货快递单号，我们确认收到马上退款',
  ),
  A(
    'refund.progress',
    '亲，您这单的退款状态是"{order.refund_state}"，我们会尽快处理，请耐心等一下哦',
    '帮您查了一下，退款现在是"{order.refund_state}"，有进展会第一时间通知您',
  ),
  A(
    'aftersales.ask_order',
    '亲，麻烦发一下是哪一单的订单号，我帮您看看怎么处理最快',
    '亲，方便把订单号发我吗？我马上帮您查一下这单的情况',
  ),

  A(
    'quality_issue',
    '非常抱歉给您带来麻烦了，我非常理解您的心情\n麻烦亲拍几张问题部位的照片发给我，我马上请售后同事为您处理',
    '真的很抱歉，收到这样的宝贝换成是我也会着急的\n亲方便拍下照片给我吗？我这就让售后同事帮您解决',
  ),
  A(
    'warranty_repair',
    '亲，品牌商品建议优先找官方售后网点检测维修，保修更有保障哦\n麻烦发一下订单号和问题照片，我帮您登记',
    '亲，维修的话官方售后最放心，非官方维修可能会影响保修哦\n把订单号和故障情况发我，我帮您跟进',
  ),
  A(
    'price_protection',
    '亲，降价补差价我帮您登记一下，需要核对订单和价格，我请同事马上为您处理',
    '理解亲的心情，价保的差价需要核对订单金额，我这就转给负责的同事帮您办理',
  ),
  A(
    'authenticity',
    '亲，我们家的商品都是正规渠道进货，品质有保证，可以放心购买哦',
    '请亲放心，店里的宝贝都是正品，支持验货，有任何问题我们负责到底',
  ),

  A(
    'complaint',
    '非常抱歉让您不愉快了，我非常理解您的心情\n我马上请主管来为您处理，一定给您一个满意的答复',
    '真的很抱歉给您带来这么多麻烦，换成是我也会很生气的\n我这就请负责的同事来跟您对接，请您稍等一下',
  ),

  A(
    'review.invite',
    '亲，收到宝贝满意的话，期待您的评价哦，有任何问题随时来找我 ^_^',
    '用得开心的话给我们一个评价就是最大的鼓励啦，有问题随时联系我哦',
  ),
  A(
    'review.no_reward',
    '亲，评价请按真实感受来写就好，我们把心思都放在品质和服务上，有什么不满意的地方也欢迎直接告诉我',
    '平台规定评价要真实，和奖励不能挂钩的哦，我们更希望您是真心满意，有问题随时找我帮您解决',
  ),

  // C10: thank whether or not the buyer bought; invite back.
  A(
    'thanks_bye.bought',
    '谢谢亲选购我们的宝贝！您就等着收货吧，用得好欢迎再次光临，祝您生活愉快哦 ^_^',
    '感谢亲的支持，我们会尽快发货，有任何问题随时找我，欢迎常来 [微笑]',
  ),
  A(
    'thanks_bye.not_bought',
    '不客气的亲，谢谢您的光临，有需要随时来找我，欢迎常来逛逛哦 ^_^',
    '谢谢亲的咨询，喜欢的话随时回来看看，祝您生活愉快 [微笑]',
  ),

  A('human', '好的亲，我马上为您转接人工客服，请稍等一下哦', '收到，这就帮您转人工客服，稍等片刻 ^_^'),
  A(
    'handover',
    '亲，这个问题我请专门的同事来为您解答，请稍等一下哦',
    '为了给您准确的答复，我请同事马上来处理，请亲稍等',
  ),
  A(
    'handover.offer',
    '亲，我是店里的智能助手，需要的话我随时为您转接人工客服哦',
    '如果还有没说清楚的地方，我可以帮您转接人工客服，亲随时说哦',
  ),
  A(
    'clarify',
    '不好意思亲，我没太理解您的意思，能再具体说一下吗？',
    '亲，我怕理解错了，您是想问宝贝、发货还是售后方面的问题呢？',
  ),
  A(
    'other',
    '亲，还有什么我可以帮您的吗？宝贝、尺码、发货都可以问我哦',
    '亲有任何想了解的尽管说，我都在的 ^_^',
  ),
  A(
    'interest.angle',
    '对了亲，店铺现在有{coupon.text}，这时候入手很划算哦',
    '顺便告诉亲，现在店里有{coupon.text}，错过就可惜啦',
  ),
];
