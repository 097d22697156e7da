// Report flags as concepts, round 5 (R6; issue 13): insults and review-for-money deals in more of
// the forms buyers write — curses on the family, name-calling (吸血鬼, 土鳖, 死肥猪, 老不死),
// regional (妈卖批), sarcastic (大聪明), aimed vulgarity (说话跟放屁一样, 你是不是有毛病), English
// "you suck" / "filthy scammers"; a deal with only a comma between money and the review (转我88，删评),
// a threat withheld for money (赔我三百…我就不投诉), "钱到位了我就改", "想要好评？先拿钱来",
// "pay me back half and the bad review goes away" — and look-alikes that must stay unflagged
// (self-talk, the product itself, a refund under the rules, a refused offer). Written by hand for
// this test; none is taken from an evaluation or development set.
import { describe, expect, it } from 'vitest';
import { analyzeReview } from '../../src/core/reviews/analyze.js';

const FLAGGED: Array<[string, string]> = [
  ['abuse', '卖家祖坟冒黑烟了吧卖这种货'],
  ['abuse', '客服是机器人还是猪'],
  ['abuse', '妈卖批的客服，态度差得要死'],
  ['abuse', '店家人品败坏，下三滥'],
  ['abuse', '客服说话跟放屁一样'],
  ['abuse', '客服你是不是有毛病'],
  ['abuse', '无耻商家，卖假货还嘴硬'],
  ['abuse', '老板良心被狗吃了'],
  ['abuse', '卖家是哪个山沟里出来的土鳖'],
  ['abuse', '你们这些吸血鬼'],
  ['abuse', '客服说话阴阳怪气的，贱兮兮'],
  ['abuse', '客服是不是脑子不好使'],
  ['abuse', '客服你个死肥猪'],
  ['abuse', '店家你个老不死的'],
  ['abuse', '卖家真的是个大聪明，寄个空盒子过来'],
  ['abuse', 'f off with your fake refund policy'],
  ['abuse', 'scammer pigs, you suck'],
  ['abuse', 'shame on you, you filthy scammers'],
  ['extortion', '想要好评？先拿钱来'],
  ['extortion', '差评我是不会删的，除非你给我返一百'],
  ['extortion', 'pay me back half and the bad review goes away'],
  ['extortion', 'want your 5 stars back? send money'],
  ['extortion', '钱到位了我就改，不到位免谈'],
  ['extortion', '补我个一百块，这事就过去了，不然我天天来写'],
  ['extortion', '转我88，删评，童叟无欺'],
  ['extortion', '你们赔我三百精神损失费，我就不投诉到12315'],
  ['extortion', '20 dollars and the 1 star becomes 5 stars'],
  ['abuse', '客服你耳朵聋了？说了八百遍了'],
  ['abuse', '这客服说话真恶心，像个泼妇'],
  ['abuse', '客服一副死人脸，爱答不理的，你算什么东西'],
  ['abuse', '老板就是个臭卖货的，装什么大爷'],
  ['abuse', 'seller you are an absolute joke and a thief'],
  ['extortion', '再给我退二十，我就把差评改了'],
  ['extortion', '好评可以，先返我十块'],
  ['extortion', '想让我删差评？拿五百来'],
  ['extortion', '不给我免单，我就去黑猫投诉再发个视频'],
  ['extortion', '红包给够了，评价随你改'],
  ['extortion', 'pay 30 usd, I change to five stars'],
];

const UNFLAGGED: string[] = [
  '我真是个傻子，没看尺码就拍了',
  '狗窝很软，我家狗天天睡里面',
  '垃圾袋很结实，装满了也不破',
  '这个猪肉脯太好吃了',
  'stupid me, ordered the wrong size',
  '宝宝吃了这个奶粉不爱放屁了，肚子舒服多了',
  '这个机器有毛病，用两天就不转了',
  '用了几天就有毛病了，客服给换了新的',
  '沉甸甸的，很有分量',
  '给了差评，后来商家给退款了，东西确实不行',
  '如果能换个新的我愿意改评价',
  '商家说好评返现，我没要，东西不错',
  '不要你的补偿，就想要个说法',
  '商家主动补偿了十块钱，态度不错，给好评',
  'seller gave me a partial refund without asking, nice',
  'I asked for a refund, seller refused, so 1 star',
  '给打十分，五星好评',
  '50% off and still great, 5 stars',
  '快递员是不是眼神不好，放错了门',
  '客服说可以给我补发，我就改成好评了，谢谢',
  '如果商家能处理好我会追评的',
  '质量不行，要求退一半差价，商家同意了',
  'refund received, changed my review to 5 stars',
  'I will update my review when the replacement arrives',
  '退二十天了还没到账',
];

describe('review flags as concepts, round 5 (R6)', () => {
  it.each(FLAGGED)('flags %s: %s', (flag, text) => {
    expect(analyzeReview({ text }).flags).toContain(flag);
  });
  it.each(UNFLAGGED)('does not flag: %s', (text) => {
    expect(analyzeReview({ text }).flags).toEqual([]);
  });
});
