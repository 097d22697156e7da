// Review causes as concepts, round 8 (R8; issue 13): sentences written by hand for this round, one per
// kind the held-out round-7 summary (causes micro-F1 0.708) and the development set blind-r6 point at:
// causes implied but not named (a body comparison is size, "washed once and…" is quality, days of
// waiting or a parcel that vanished is logistics, "unlike the picture" is colour, value for money is
// price), the staff's promise to act that is not kept (service, + logistics when it was the shipping),
// the staff's or the page's claim about the goods that proves false (description, not size), a part
// missing from the box, a crushed box with broken goods (logistics + packaging), a discount that did not
// apply at checkout, and English. The labelling follows scripts/review-corpus/README.md and
// bench/sets/reviews/README-blind-r7.md. Run before cause-rules.ts was changed for them: the first run
// is in the round-8 section of scripts/review-corpus/README.md. NOT holds look-alikes that must not
// name the cause.
import { describe, expect, it } from 'vitest';
import { analyzeReview } from '../../src/core/reviews/analyze.js';

const NAMES: Array<[text: string, causes: string]> = [
  // size implied by the body
  ['穿上袖子只到小臂，像穿了弟弟的衣服', 'size'],
  ['这条裤子我穿上像套了个麻袋，晃晃荡荡的', 'size'],
  ['鞋子穿进去脚指头都伸不直', 'size'],
  ['帽子戴上去像顶了个锅盖，一直往下滑', 'size'],
  ['The dress looks like I borrowed it from my little sister', 'size'],
  // quality by durability
  ['洗一次就起了一层球，跟穿了好几年似的', 'quality'],
  ['戴了两天链子就发黑了', 'quality'],
  ['新买的拖把，拖了三次杆子就断成两截', 'quality'],
  ['Washed it once and the print cracked all over', 'quality'],
  ['床垫睡了两个月中间塌下去一块', 'quality'],
  ['拖鞋有股橡胶味，放了一个礼拜还在', 'quality'],
  // logistics by time or a parcel that vanished
  ['下单八天了还在揽收，到底发没发', 'logistics'],
  ['物流显示已签收，我一直在家根本没人来过', 'logistics'],
  ['等了小半个月才到，孩子的生日都过了', 'logistics'],
  ['包裹被退回给卖家了，我一个通知都没收到', 'logistics'],
  ['Took almost two months to arrive, I forgot I even ordered it', 'logistics'],
  // staff promise not kept
  ['客服答应帮我备注放门口，结果还是扔驿站了', 'logistics,service'],
  ['客服保证当天发，结果第三天才有物流信息', 'logistics,service'],
  ['售后说三天内退款到账，一个礼拜了还没见钱', 'service'],
  ['售后电话一直占线，打了一上午', 'service'],
  ['问了四次都说在查，查了一个礼拜没结果', 'service'],
  ['快递丢了，卖家说去找快递公司，快递公司又让找卖家，没人负责', 'service'],
  ['The seller said it is not his problem and closed the chat', 'service'],
  // a claim about the goods that proves false
  ['客服说这款可以进洗碗机，洗了一次图案全掉了', 'description'],
  ['客服说能装下十三寸的平板，结果根本塞不进去', 'description'],
  ['详情页写的是真丝，标签上写的是聚酯纤维', 'description'],
  ['说是能续航八小时，实际三个小时就没电了', 'description'],
  // something missing from the box
  ['盒子里缺了根数据线，没法充电', 'description'],
  ['说是带支架的，翻遍了包装也没找到支架', 'description'],
  ['Only one earbud in the box, where is the other one', 'description'],
  // broken in a poor box
  ['杯子碎了两个，箱子里一点缓冲都没有', 'logistics,packaging'],
  ['外箱整个被压塌了，里面的饼干碎成渣', 'logistics,packaging'],
  ['Vase arrived smashed, it was only wrapped in a thin plastic bag', 'logistics,packaging'],
  ['快递箱一角被压得凹进去了，东西倒是好的', 'packaging'],
  // colour against the picture
  ['又被卖家秀骗了，实物灰扑扑的', 'color'],
  ['This is not navy, it is almost purple', 'color'],
  // price: value, a discount that did not apply
  ['第二件半价，结算的时候根本没减', 'price'],
  ['满减活动付款时用不了，白凑单了', 'price'],
  ['东西还行，就是滤芯太贵，长期用下来成本很高', 'price'],
  ['Decent, but the market near my home sells it for 3 euros less', 'price'],
  // added after reading development misses of the retrained model (the English call and the hat failed at cd7b26d; the other two guard the same kinds)
  ['Two months waiting and the tracking still says in transit', 'logistics'],
  ['Called the support line all afternoon, nobody picked up', 'service'],
  ['孩子头围五十二，这顶帽子戴不进去', 'size'],
  ['客服说马上帮我处理，结果加了微信就不回了', 'service'],
];

// Batch 3, written after the first two fixes and run before any change for it: English and reviews with
// two causes. First run 12/30 exact, micro-F1 0.720 (P 0.871, R 0.614) — close to the held-out round-7
// figure, so the fixes are kinds, not these sentences: a garment ending at the elbows, seams coming
// loose, photos showing one colour and another arriving, answers by sticker, "says 128GB", "for this
// price I expected", a paper envelope, a box torn open, 物流也有点慢, a poor box with damage inside
// (→ logistics as well), 这价格买个这玩意, 质量也没好到哪去. Each named cause must be found.
const BATCH3: Array<[text: string, causes: string]> = [
  ['The jacket sleeves end at my elbows, I am not even tall', 'size'],
  ['Zipper broke on the second day, the teeth just came apart', 'quality'],
  ['Took 45 days, the tracking was stuck in customs for a month', 'logistics'],
  ['Photos show a shiny gold, what I got is a dull yellow plastic look', 'color'],
  ['Seller answers every question with a sticker, zero help', 'service'],
  ['Says 128GB, the computer shows 8GB real capacity', 'description'],
  ['For this price I expected at least metal, it is cheap plastic', 'price,quality'],
  ['The box was ripped open and taped again, and the charger is missing', 'packaging,description'],
  ['Came in a paper envelope, the glasses frame was bent', 'logistics,packaging'],
  ['Nice design but way too big, and the seams are already coming loose', 'size,quality'],
  ['Looks nothing like the listing and shipping took six weeks', 'description,logistics'],
  ['Smells like burnt rubber even after a week airing out', 'quality'],
  ['Shoes are a full size smaller than the chart says', 'size,description'],
  ['Good but delivery was slow, almost a month', 'logistics'],
  ['Overpriced for what it is. Same thing is half price at the local market', 'price'],
  ['裙子穿上跟睡衣似的，腰那里空出一大块', 'size'],
  ['椅子坐了一个月就往一边歪了', 'quality'],
  ['跟图片完全两个颜色，图片是粉的，到手是土橘色', 'color'],
  ['做工还行，就是尺码偏大一码，物流也有点慢', 'size,logistics'],
  ['东西碎了，客服还说是我自己摔的，气死', 'logistics,service'],
  ['说是买二送一，只收到两个，问客服半天不回', 'description,service'],
  ['价格比别家贵二十，质量也没好到哪去', 'price,quality'],
  ['快递盒破了个洞，里面的书角都折了', 'logistics,packaging'],
  ['面包拿到就硬邦邦的，跟放了一个星期似的', 'quality'],
  ['这价格买个这玩意，还不如去夜市', 'price'],
  ['客服回消息要等半天，问个尺码都费劲', 'service'],
  ['等了十天才发货，到了还少了个盖子', 'logistics,description'],
  ['衣服一股樟脑丸的味，挂了三天还有', 'quality'],
  ['颜色偏暗，没有图上那么亮，也比想象中小', 'color,size'],
  ['包装就一个塑料袋，杯子磕掉了一块', 'logistics,packaging'],
];

// Batch 5 (Chinese implied causes and two or three causes; first run 11/20 exact, micro-F1 0.783, recall
// 0.667 — size implied by the body missed most: shoes like boats, a hem at the navel, shrunk to a
// child's size, 小了一大圈, 短一截, 'fits like a crop top'; 身上全是毛, 亏大了, a box pressed flat).
const BATCH5: Array<[text: string, causes: string]> = [
  ['这鞋穿上像踩了两条船，走路直打滑', 'size'],
  ['T恤下摆刚过肚脐，一抬手就露肚子', 'size'],
  ['毛衣洗一次就成了童装', 'quality,size'],
  ['插线板插上两天就冒焦味了', 'quality'],
  ['被子盖了一晚上身上全是小白毛', 'quality'],
  ['拍下五天了，物流还是一动不动', 'logistics'],
  ['快递三天能到的地方，走了十一天', 'logistics'],
  ['实物比图片小了一大圈，颜色也暗了不少', 'size,color'],
  ['跟详情页的图根本不是一个东西', 'description'],
  ['说好七天无理由，客服说拆了就不能退', 'service'],
  ['问了三遍发货时间，三遍都是复制粘贴的回答', 'service'],
  ['一百八买个塑料玩具，亏大了', 'price'],
  ['双十一买贵了，现在还便宜三十', 'price'],
  ['箱子被压成了饼，里面的蛋糕变成了渣', 'logistics,packaging'],
  ['面膜盒子皱巴巴的，像被人踩过', 'packaging'],
  ['颜色是好看，就是码偏小，还有线头', 'size,quality'],
  ['回复慢，发货慢，东西还是坏的', 'service,logistics,quality'],
  ['穿了两次扣子掉了，袖子还短一截', 'quality,size'],
  ['Fits like a crop top on me and it is supposed to be a dress', 'size'],
  ['After a week the paint is chipping off everywhere', 'quality'],
];

const NOT: Array<[text: string, cause: string]> = [
  ['穿上像量身定做的，老公说很精神', 'size'],
  ['洗了好几次都没起球，颜色也没掉', 'quality'],
  ['快递小哥冒雨送上门，鞋都湿了，辛苦了', 'logistics'],
  ['客服说三天内发货，第二天就到了，很守信', 'service'],
  ['比超市便宜一半，已经第四次回购', 'price'],
  ['盒子包得严严实实，一点没压坏', 'packaging'],
  ['颜色和图片一模一样，没有色差', 'color'],
];

describe('review causes, round 8 concepts (R8)', () => {
  it.each(NAMES)('%s → %s', (text, causes) => {
    const got = analyzeReview({ text }).causes;
    for (const c of causes.split(',')) expect(got).toContain(c);
  });
  it.each(BATCH3)('batch 3: %s → %s', (text, causes) => {
    const got = analyzeReview({ text }).causes;
    for (const c of causes.split(',')) expect(got).toContain(c);
  });
  it.each(BATCH5)('batch 5: %s → %s', (text, causes) => {
    const got = analyzeReview({ text }).causes;
    for (const c of causes.split(',')) expect(got).toContain(c);
  });
  it.each(NOT)('%s names no %s', (text, cause) => {
    expect(analyzeReview({ text }).causes).not.toContain(cause);
  });
});
