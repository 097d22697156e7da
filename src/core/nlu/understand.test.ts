// Issue 12: every question of a message, the language of each message, English buyers.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';
import { splitClauses } from './questions.js';
import { getDefaultNlu } from './nlu.js';

describe('detectLanguage (issue 12)', () => {
  it('tells Chinese, English and the languages that are handed over', () => {
    expect(detectLanguage('这件T恤有L码吗？')).toBe('zh');
    expect(detectLanguage('order 12345678 到哪了')).toBe('zh');
    expect(detectLanguage('where is my order, tracking not update')).toBe('en');
    expect(detectLanguage('Hola, ¿dónde está mi pedido?')).toBe('es');
    expect(detectLanguage('Olá, quando chega o meu pedido? Ainda não recebi')).toBe('pt');
    expect(detectLanguage('Где мой заказ?')).toBe('ru');
    expect(detectLanguage("Bonjour, où est ma commande ? Je n'ai rien reçu")).toBe('fr');
    expect(detectLanguage('123456')).toBe('zh');
  });
});

describe('splitClauses (issue 12)', () => {
  it('cuts at question marks, commas and 还有/另外/顺便, and at and/also in English', () => {
    expect(splitClauses('这件t恤有l码吗?什么时候发货?').map((c) => c.text)).toEqual(['这件t恤有l码吗', '什么时候发货']);
    expect(splitClauses('有l码吗还有什么时候发货').map((c) => c.text)).toEqual(['有l码吗', '还有什么时候发货']);
    expect(splitClauses('包邮吗 另外能开发票吗').map((c) => c.text)).toEqual(['包邮吗', '另外能开发票吗']);
    expect(splitClauses('do you have xl and when do you ship').map((c) => c.text)).toEqual(['do you have xl', 'when do you ship']);
    expect(splitClauses('在吗')).toEqual([{ text: '在吗', start: 0 }]);
  });
});

describe('nlu.understand (issue 12)', () => {
  const nlu = getDefaultNlu();

  it('follow-ups read against the conversation: 那换成L before shipping, "and the blue one?", 电子的 (issue 12)', () => {
    expect(nlu.understand('那换成L', { context: ['我拍了M码 还没发吧'] }).intent).toBe('order_change');
    expect(nlu.understand('and the blue one?', { context: ['when do you ship?'] }).intent).toBe('ship_time');
    expect(nlu.understand('and the blue one?', { context: ['do you have the red one in stock?'] }).intent).toBe('stock');
    expect(nlu.understand('电子的', { context: ['发票能开吗'] }).intent).toBe('invoice');
    expect(nlu.understand('另一个颜色呢', { context: ['这件有黑色吗'] }).intent).toBe('stock');
    expect(nlu.understand('今天天气真好', { context: ['黑色还有吗'] }).intent).toBe('other');
  });

  it('an opening acknowledgement and a greeting without punctuation are listed before the question (issue 12)', () => {
    expect(nlu.understand('好的谢谢 对了大概几号发').questions.map((q) => q.intent)).toEqual(['thanks_bye', 'ship_time']);
    expect(nlu.understand('亲 在不在 170 130斤穿多大的').questions.map((q) => q.intent)).toEqual(['greeting', 'size_fit']);
    expect(splitClauses('这款没货了的话有没有类似的推荐').map((c) => c.text)).toEqual(['这款没货了的话', '有没有类似的推荐']);
    expect(splitClauses('can you give discount for 2 pcs and send with dhl').map((c) => c.text)).toEqual([
      'can you give discount for 2 pcs',
      'send with dhl',
    ]);
  });

  it('no punctuation: 包邮吗能开票吗 is two questions; a word-segmented chat-log line is one (issue 12)', () => {
    expect(nlu.understand('包邮吗能开票吗').questions.map((q) => q.intent)).toEqual(['shipping_fee', 'invoice']);
    const seg = nlu.understand('亲 这个 什么时候 能 发货 啊');
    expect(seg.intent).toBe('ship_time');
    expect(seg.questions).toHaveLength(1);
  });

  it('an opening greeting is listed, the real question leads (在吗 这个还有货没)', () => {
    const u = nlu.understand('在吗 这个还有货没');
    expect(u.intent).toBe('stock');
    expect(u.questions.map((q) => q.intent)).toEqual(['greeting', 'stock']);
    expect(u.secondary).toBeUndefined();
  });

  it('finds both questions of a stacked message, in the order asked', () => {
    const u = nlu.understand('这件T恤有L码吗？什么时候发货？');
    expect(u.questions.map((q) => q.intent)).toEqual(['stock', 'ship_time']);
    expect(u.questions[0]!.entities.sizes).toEqual(['L']);
    const v = nlu.understand('老板 包邮吗 还有能开发票吗');
    expect(v.questions.map((q) => q.intent)).toEqual(['shipping_fee', 'invoice']);
    const e = nlu.understand('do you have XL and when do you ship?');
    expect(e.questions.map((q) => q.intent)).toEqual(['stock', 'ship_time']);
    expect(e.language).toBe('en');
  });

  it('round 6: a clause opened by 顺便/还有 is a question even when it reads weakly alone; 在么 greets (issue 12)', () => {
    expect(nlu.understand('便宜点呗 顺便包个邮').questions.map((q) => q.intent)).toEqual(['bargain', 'shipping_fee']);
    expect(nlu.understand('在么今天能发货不').questions.map((q) => q.intent)).toEqual(['greeting', 'ship_time']);
    // A clause read as other with a shop intent close behind is kept as that question.
    const r = nlu.understand('recommend me a good phone case and is free shipping?');
    expect(r.questions.map((q) => q.intent)).toEqual(['recommend', 'shipping_fee']);
    const e = nlu.understand('hello seller where my package');
    expect(e.intent).toBe('logistics');
    expect(e.questions.map((q) => q.intent)).toEqual(['greeting', 'logistics']);
  });

  it('round 6: real shop questions without the usual keywords are not thrown away as other, out-of-scope requests still are (issue 12)', () => {
    expect(nlu.classify('钱扣了 订单显示没付').intent).toBe('payment');
    expect(nlu.classify('驿站说没有我的件').intent).toBe('logistics');
    expect(nlu.classify('[orderid_x] 这个单子啥时候到').intent).toBe('logistics');
    expect(nlu.classify('态度这么差 爱答不理的').intent).toBe('complaint');
    expect(nlu.classify('杭州明天会下雨吗').intent).toBe('other');
    expect(nlu.classify('黄山有多高').intent).toBe('other');
    expect(nlu.classify('给我姐打个电话').intent).toBe('other');
  });

  it('round 8: urging right after asking for a person still asks for the person; general-assistant requests stay other (issue 12)', () => {
    expect(nlu.classify('快点 等半天了', { context: ['帮我转人工'] }).intent).toBe('human');
    expect(nlu.classify('还是没人', { context: ['转人工'] }).intent).toBe('human');
    expect(nlu.classify('还有明天去西安的卧铺吗').intent).toBe('other');
    expect(nlu.classify('放一首周杰伦的歌').intent).toBe('other');
    expect(nlu.understand('is it waterproof and it have warranty').questions.map((q) => q.intent)).toEqual(['product_info', 'warranty_repair']);
  });

  it('keeps one question whole: measurements before 穿什么码 are not a question of their own', () => {
    const u = nlu.understand('我身高170，体重65kg，穿什么码');
    expect(u.questions).toHaveLength(1);
    expect(u.questions[0]!.intent).toBe('size_fit');
    expect(nlu.understand('亲，在吗').questions).toHaveLength(1);
  });

  it('reads English buyers', () => {
    expect(nlu.classify('where is my package, tracking not update').intent).toBe('logistics');
    expect(nlu.classify('can you give me discount').intent).toBe('bargain');
    expect(nlu.classify('I want my money back').intent).toBe('refund');
    expect(nlu.classify('what size for 170cm 65kg').intent).toBe('size_fit');
  });

  it('resolves English and Chinese ellipsis against the earlier turns', () => {
    expect(nlu.classify('what about XL?', { context: ['do you have L in black'] }).intent).toBe('stock');
    expect(nlu.classify('黑色的呢', { context: ['白色L码有货吗'] }).intent).toBe('stock');
  });
});

describe('English entities and the gloss (issue 12)', () => {
  it('English colours map to the shop\'s colour names; "order 16 digits" is an order number', async () => {
    const { extractEntities } = await import('./entities/index.js');
    const { normalizeText } = await import('./normalize.js');
    const { glossZh } = await import('./gloss.js');
    const e = extractEntities(normalizeText('do you have XL in black? order 8123456789012345'));
    expect(e.colours).toEqual(['黑色']);
    expect(e.sizes).toEqual(['XL']);
    expect(e.orderNos).toEqual(['8123456789012345']);
    expect(glossZh('en', [{ intent: 'stock', entities: e }])).toBe('[英语] 买家问：库存（尺码XL，颜色黑色，订单8123456789012345）');
    expect(glossZh('zh', [{ intent: 'stock', entities: e }])).toBeUndefined();
  });
});

describe('real buyers\' boilerplate does not decide the intent (B1, B2, issue 12)', () => {
  const nlu = getDefaultNlu();
  it('a photo token is no colour question, a link no English chatter', () => {
    // 图片 is a colour/appearance word; the chat window's [图片] token is not
    expect(nlu.understand('[图片] 这个有吗').intent).toBe('stock');
    expect(nlu.understand('[图片][图片] 你看看这个 都烂了').intent).toBe('quality_issue');
    expect(nlu.understand('[图片] 物流信息显示这个是什么意思').intent).toBe('logistics');
    expect(nlu.understand('https://m.tb.cn/h.5xyz 这个单子到哪了').intent).toBe('logistics');
  });
  it('a product card\'s title is not read as the buyer\'s words (新款 in a title is no stock question)', () => {
    expect(nlu.understand('我正在看：2024新款夏季纯棉短袖T恤男宽松 ¥39.90 已售1.2万件').intent).toBe('other');
    expect(nlu.understand('我想咨询这个商品 冰丝阔腿裤女 ￥59 已拼10万+件 有m码吗').intent).toBe('stock');
    expect(nlu.understand('订单编号 2938475610293847 商品：纯棉四件套 实付款：¥199.00 怎么还没发').intent).toBe('ship_time');
  });
  it('a message of boilerplate only is other', () => {
    expect(nlu.understand('[图片]').intent).toBe('other');
    expect(nlu.understand('[表情]').intent).toBe('other');
    expect(nlu.understand('￥AbCd1234Xy￥ 复制这条信息，打开【手机淘宝】即可查看').intent).toBe('other');
  });
});
