// Reviews written by hand for round 8 of issue 13 (R8): the shop's promise kept or broken (客服说三天
//发，第二天就到了 is praise; 客服说下午发，第二天晚上才发 is service + logistics), causes implied but
// not named (a body comparison is size, wear within days is quality, days of waiting is logistics, a
// photo that lied is colour, value for money is price), the staff's or the page's claim proven false
// (description), crushed boxes and thin bags, praise of a price against elsewhere (比超市便宜 is no
// complaint), insults and threats with no cause, and everyday praise and complaints about books,
// hotels, phones, computers, fruit, milk and clothes in short buyer's words. Causes follow the
// boundary rules in README.md and README-blind-r7.md's labelling decisions. Not taken from any
// evaluation or development set.
import type { Sample } from './sample.js';

type Row = [s: 'p' | 'n', causes: string, flags: string, rating: number | null, text: string];

const rows: Row[] = [
  // the shop's promise kept: praise, no cause
  ['p', '-', '-', null, '客服讲两天之内发，隔天上午就收到了，说到做到'],
  ['p', '-', '-', null, '客服说今天发，晚上就有物流了，靠谱'],
  ['p', '-', '-', null, '客服答应帮我备注放门口，真的放门口了，贴心'],
  ['p', '-', '-', null, '卖家说会补发配件，隔天就寄出来了'],
  ['p', '-', '-', null, '售后说三天内退款，第二天就到账了'],
  ['p', '-', '-', null, '老板说送个小礼物，真的送了，还挺实用'],
  ['p', '-', '-', 5, '客服说尺码偏大建议拍小一码，听了她的刚刚好'],
  ['p', '-', '-', null, '客服说这个能放洗碗机，试了一下确实没问题'],
  ['p', '-', '-', null, 'Seller said it ships in two days and it did, arrived fast'],
  // the promise broken
  ['n', 'logistics,service', '-', null, '客服说下午就发，等到第三天早上才发'],
  ['n', 'logistics,service', '-', null, '客服保证今天发出，结果两天都没揽收'],
  ['n', 'logistics,service', '-', null, '说好帮我改地址，结果还是寄到了老地址'],
  ['n', 'service', '-', null, '售后说两天内回电话，一个礼拜了也没人打来'],
  ['n', 'service', '-', null, '说好补我一个赠品，催了三次都说在安排'],
  ['n', 'service', '-', null, '退货寄回去十天了，商家一直说没收到，查物流明明签收了'],
  ['n', 'service', '-', null, 'The seller promised a refund in three days, two weeks later nothing'],
  // size implied by the body
  ['n', 'size', '-', null, '穿上跟偷穿了我妈的衣服一样，肩膀掉到胳膊上'],
  ['n', 'size', '-', null, '裤子提到腰上还能塞进一个拳头'],
  ['n', 'size', '-', null, '外套扣上扣子就喘不上气'],
  ['n', 'size', '-', null, '戒指戴上去转一圈就滑下来了'],
  ['n', 'size', '-', null, '袜子只能套到脚后跟，再往上拉不动'],
  ['n', 'size', '-', null, 'I look like a kid wearing her dad shirt'],
  ['n', 'size', '-', null, 'The shoes fit my son, not me, and he is ten'],
  ['p', '-', '-', null, '穿上刚刚好，像是照着我量的'],
  ['p', '-', '-', null, '一米六五一百一十斤穿M合身'],
  // quality by wear
  ['n', 'quality', '-', null, '第一次洗就掉了一盆色，白衣服都染蓝了'],
  ['n', 'quality', '-', null, '背了一个礼拜包带就开线了'],
  ['n', 'quality', '-', null, '耳钉戴了三天耳朵就红肿流水'],
  ['n', 'quality', '-', null, '锅用了两回涂层就起皮了'],
  ['n', 'quality', '-', null, '杯子洗了几次杯身上的字就没了'],
  ['n', 'quality', '-', null, 'After two washes the shirt is a rag'],
  ['n', 'quality', '-', null, 'Handle snapped the first time I used it'],
  ['p', '-', '-', null, '洗了很多次了也没变形，值得'],
  ['p', '-', '-', null, '用了半年还跟新的一样'],
  // logistics by time or a vanished parcel
  ['n', 'logistics', '-', null, '付款一个礼拜了物流还停在发货地'],
  ['n', 'logistics', '-', null, '等到花儿都谢了才收到'],
  ['n', 'logistics', '-', null, '买来过年用的，年过完了才到'],
  ['n', 'logistics', '-', null, '快递显示签收了，问了一圈门卫和邻居都没有'],
  ['n', 'logistics', '-', null, 'Tracking stopped moving three weeks ago, still nothing'],
  ['p', '-', '-', null, '前天晚上下单今天上午就到了，快'],
  ['p', '-', '-', null, '快递小哥冒着大雪送上门，感谢'],
  // a claim about the goods proven false
  ['n', 'description', '-', null, '客服说是纯羊毛，烧了一根线一股塑料味'],
  ['n', 'description', '-', null, '详情页说能装二十斤米，装了十斤就满了'],
  ['n', 'description', '-', null, '宣传说降噪，坐地铁上跟没戴一样'],
  ['n', 'description', '-', null, 'Listing says stainless steel, a magnet sticks and it rusted'],
  ['n', 'description', '-', null, '包装里少了一个螺丝，装不起来'],
  ['n', 'description', '-', null, '说是三件套，打开只有两件'],
  // broken in a poor box / a poor box alone
  ['n', 'logistics,packaging', '-', null, '鸡蛋碎了一半，盒子里连个隔板都没有'],
  ['n', 'logistics,packaging', '-', null, '花瓶就用个塑料袋包着寄来，碎成好几块'],
  ['n', 'packaging', '-', null, '外箱湿透了软塌塌的，还好里面东西没事'],
  ['n', 'packaging', '-', null, '礼盒瘪了一个角，送人不好看'],
  ['p', '-', '-', null, '包得严严实实，拆了好几层，一点没碰坏'],
  // colour against the photo
  ['n', 'color', '-', null, '卖家秀是奶白色，到我手里是灰黄色'],
  ['n', 'color', '-', null, '照片滤镜开太大了吧，实物暗沉很多'],
  ['n', 'color', '-', null, 'Looks nothing like the photos, the green is almost brown'],
  ['p', '-', '-', null, '颜色跟图上一样，很正'],
  // price and value
  ['n', 'price', '-', null, '三百多买个塑料壳子，真不值'],
  ['n', 'price', '-', null, '刚付完款就降了二十，心塞'],
  ['n', 'price', '-', null, '满三百减五十说好的，付款的时候没减'],
  ['n', 'price,quality', '-', null, '便宜没好货，穿一次就起球'],
  ['p', '-', '-', null, '比超市便宜一大截，划算'],
  ['p', '-', '-', null, '比线下店便宜三十，还送了赠品'],
  ['p', '-', '-', null, 'Cheaper here than in my local store, good deal'],
  // insults and threats: no cause
  ['n', '-', 'abuse', null, '老板你就是个讨饭的命，活该没生意'],
  ['n', '-', 'abuse', null, '卖家跟蛆一样恶心'],
  ['n', '-', 'extortion', null, '赔我两百，不赔我就每个链接下面都去留言'],
  ['n', '-', 'abuse', null, 'The seller is a clueless donkey'],
  // everyday praise and complaints
  ['p', '-', '-', null, '书的纸张很好，字印得清楚，孩子爱看'],
  ['n', 'quality', '-', null, '书有好几页印重了，看着眼花'],
  ['p', '-', '-', null, '酒店离地铁近，房间干净，前台小姐姐很热情'],
  ['n', 'quality', '-', null, '房间隔音太差，隔壁说话听得一清二楚'],
  ['n', 'service', '-', null, '前台办入住等了四十分钟，没人解释'],
  ['p', '-', '-', null, '手机拍照清楚，电池一天一充够用'],
  ['n', 'quality', '-', null, '手机用了一个月就发烫卡顿'],
  ['p', '-', '-', null, '笔记本开机快，屏幕细腻，办公足够'],
  ['n', 'quality', '-', null, '电脑风扇一直狂转，吵得没法开会'],
  ['p', '-', '-', null, '橙子汁多，甜中带一点酸，好吃'],
  ['n', 'quality', '-', null, '橙子干巴巴的，没几滴水'],
  ['p', '-', '-', null, '牛奶日期新鲜，孩子每天一盒'],
  ['n', 'quality', '-', null, '牛奶喝着有股怪味，不敢给孩子喝了'],
  ['p', '-', '-', null, '热水器装好后出水很快，温度稳定'],
  ['n', 'service', '-', null, '热水器安装师傅约了三次都没来'],
  ['p', '-', '-', null, '洗发水泡沫多，洗完头发顺'],
  ['n', 'quality', '-', null, '洗发水用完头皮痒得不行'],
  ['p', '-', '-', null, '平板屏幕大，看网课很舒服'],
  ['n', 'quality', '-', null, '平板充电特别慢，充一晚上才一半'],
  ['p', '-', '-', null, '还不错，就是没有想象中那么惊艳'],
  ['n', '-', '-', null, '很一般，不会再买'],
  ['n', '-', '-', null, '不推荐，就这样吧'],
  ['p', '-', '-', null, '物美价廉，推荐购买'],
];

export const HANDWRITTEN_R8: Array<Omit<Sample, 'kind'>> = rows.map(([s, c, f, rating, text]) => ({
  text,
  ...(rating === null ? {} : { rating }),
  sentiment: s === 'p' ? 'positive' : 'negative',
  causes: c === '-' ? [] : (c.split(',') as Sample['causes']),
  flags: f === '-' ? [] : (f.split(',') as Sample['flags']),
}));
