// Review causes as concepts, round 7 (R8; issue 13): sentences written by hand for this round, one
// per kind of boundary the development sets (blind-r1…r5) showed the analyser getting wrong. 25 of
// the 41 in NAMES failed on the code at the start of the round (a643328); the other 16 (marked
// "model") the model already named, and they stay as guards of the same kinds. Each names its cause by the round-6
// boundary rules (scripts/review-corpus/README.md): a thing that is hard to use, gives way in use or
// wears out within weeks is quality; the carrier's conduct or a delivery that never happened is
// logistics; scripted or slow replies, a promised resend that never came, "that is normal" is
// service; a page gift missing from the box or someone else's return is description; a measurement
// against the page is size; a named colour against the one received is color; a price drop after
// buying or a fee added at checkout is price; abuse aimed at the shop's service people is service.
// Look-alikes (praise, a price remark in favour, network latency) must name no such cause; they
// guard this round's wider phrases, which named them while the round was under way.
import { describe, expect, it } from 'vitest';
import { analyzeReview } from '../../src/core/reviews/analyze.js';

const NAMES: Array<[text: string, cause: string]> = [
  ['这个开瓶器太难用了，拧半天拧不开', 'quality'], // model
  ['螺丝一拧就花，根本装不上去', 'quality'],
  ['鼠标用了几天滚轮乱跳，看网页很烦', 'quality'], // model
  ['净水器接口渗水，地上一滩水', 'quality'],
  ['平板用了两个月开始闪屏，越来越严重', 'quality'], // model
  ['电池续航掉得太快了，刚买时一天一充现在半天', 'quality'],
  ['投影仪半年亮度明显下降，白天看不清', 'quality'],
  ['充电器插上去冒火花，吓死我了', 'quality'],
  ['牛肉干偏咸，孩子吃两块就不吃了', 'quality'],
  ['锅把手松动了，炒菜都不敢用力', 'quality'],
  ['Sound is flat and bass is zero, very disappointed', 'quality'],
  ['快递小哥把我的快递丢在雨里，箱子全泡了', 'logistics'], // model
  ['物流显示派送失败，我一整天都在家', 'logistics'], // model
  ['包裹寄到别的城市去了，兜了一大圈才回来', 'logistics'],
  ['物流信息五天没更新了，也没人管', 'logistics'], // model
  ['Courier left it outside in the rain and the box was soaked', 'logistics'], // model
  ['同一个问题问了两天才回复，黄花菜都凉了', 'service'],
  ['客服回的全是自动回复，找不到一个真人', 'service'], // model
  ['说给补发，到现在一周了也没发', 'service'],
  ['屏幕发黄，售后说这是正常现象', 'service'],
  ['退款拖了半个月还没到账，每次都说在处理', 'service'],
  ['Seller kept saying "please wait my friend" and then blocked me', 'service'], // model
  ['客服跟个傻子似的，问三遍都答非所问', 'service'], // model
  ['详情页写送收纳袋，打开啥也没有', 'description'],
  ['收到的是别人退回来的，里面还有上一个人的快递单', 'description'],
  ['说的是五斤装，称了一下才四斤出头', 'description'], // model
  ['裤长说是一百，实际才九十二，穿上像九分裤', 'size'],
  ['鞋子小了一个码，脚趾顶得难受', 'size'], // model
  ['Ring marked 8 but fits like a 10, keeps slipping off', 'size'],
  ['枕套说是浅灰，收到是深灰，跟床单不配', 'color'],
  ['The black is more grey in daylight', 'color'],
  ['买完一看直播间同一个链接便宜了四十', 'price'],
  ['结账时多了个服务费八块，页面一个字没提', 'price'],
  ['Nice enough but pricey compared to other stores', 'price'],
  ['一百多的衬衫就这质感？洗一次就皱成咸菜', 'price'],
  ['四百块买个寂寞，声音还不如手机外放', 'price'],
  ['包裹被别人签收了，我到现在都没见着', 'logistics'], // model
  ['问尺码，客服说手工测量有误差，差了六厘米也叫误差', 'service'], // model
  ['说明书写的有八个档位，实际只有五个', 'description'], // model
  ['染发膏说是栗棕色，染出来是橘黄色的', 'color'],
  ['精华没有外盒，裸瓶装在快递袋里', 'packaging'], // model
];

const NOT: Array<[text: string, cause: string]> = [
  ['橙子很甜，剥皮一股清香，下次还买', 'quality'],
  ['牛肉干很有嚼劲，不是很咸，当零食刚好', 'quality'],
  ['路由器信号很强，隔两堵墙也满格，打游戏延迟低', 'logistics'],
  ['东西中规中矩，对得起这个价，没有惊喜也没有踩雷', 'price'],
  ['618囤的，价格很划算，比平时便宜了一百多', 'price'],
  ['Very disappointed. Waste of money', 'price'],
  ['水果坏了一半，已经申请平台介入，按规则处理就行', 'description'],
];

describe('review causes, round 7 concepts (R8)', () => {
  it.each(NAMES)('%s → %s', (text, cause) => {
    expect(analyzeReview({ text }).causes).toContain(cause);
  });
  it.each(NOT)('%s names no %s', (text, cause) => {
    expect(analyzeReview({ text }).causes).not.toContain(cause);
  });
});
