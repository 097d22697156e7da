import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';

describe('normalizeText (B1: typos, slang, 亲/老板, emoji)', () => {
  it.each([
    ['ＸＬ码有货吗？', 'xl码有货吗?'],
    ['這個甚麼時候發貨', '这个什么时候发货'],
    ['在吗#E-s12', '在吗'],
    ['好的#E-s[数字x]', '好的'],
    ['好的/:^_^谢谢', '好的 谢谢'],
    ['好的😀👍谢谢', '好的 谢谢'],
    ['发货了吗？？？！！！', '发货了吗?'],
    ['在吗。。。', '在吗。'],
    ['L码有木有', 'l码有没有'],
    ['神马时候发或', '什么时候发货'],
    ['肿么还没到', '怎么还没到'],
    ['亲亲 包油吗', '亲 包邮吗'],
    ['咋还没发货', '怎么还没发货'],
    ['表客气', '不要客气'],
    ['优惠卷怎么领', '优惠券怎么领'],
    ['  多个   空格  ', '多个 空格'],
    ['哈哈哈哈哈', '哈哈'],
    ['88', '拜拜'],
    ['88元', '88元'],
    ['NIHAO', '你好'],
    ['手表坏了', '手表坏了'],
    // 么 stays the question particle (the Taiwan table read it as 幺; issue 12)
    ['在么今天能发货么', '在么今天能发货么'],
    ['包邮麼', '包邮么'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalizeText: platform boilerplate of real buyer messages (B1, issue 12)', () => {
  it.each([
    // chat-window tokens for photos, voice and cards become one mask the model does not read
    ['[图片]这个还有吗', '[媒体] 这个还有吗'],
    ['[语音] 退款到哪了', '[媒体] 退款到哪了'],
    ['[商品卡片]是纯棉的吗', '[媒体] 是纯棉的吗'],
    // links become the [链接] mask of exported chat logs
    ['https://item.taobao.com/item.htm?id=6234567 我的到哪了', '[链接] 我的到哪了'],
    ['m.tb.cn/h.5Ab3x 发货没', '[链接] 发货没'],
    ['aliexpress.com/item/100500.html is this original?', '[链接] is this original?'],
    // share text around a 淘口令 disappears; the question stays
    ['￥AbCd1234Xy￥ 复制这条信息，打开【手机淘宝】即可查看 有货吗', '有货吗'],
    ['【淘宝】「2024新款纯棉短袖T恤男」点击链接直接打开 是纯棉吗', '是纯棉吗'],
    // the product/order card the chat window sends: title and figures masked, order number kept
    ['我正在看：2024新款夏季纯棉短袖T恤男宽松 ¥39.90 已售1.2万件', '[商品快照]'],
    ['我想咨询这个商品 冰丝阔腿裤女 ￥59 已拼10万+件 有m码吗', '[商品快照] 有m码吗'],
    ['订单编号 2938475610293847 商品：纯棉四件套 实付款：¥199.00 怎么还没发', '订单编号 2938475610293847 [商品快照] [商品快照] 怎么还没发'],
    ['我正在看 有货吗', '[商品快照] 有货吗'],
    // a buyer's own amount stays (it is an entity)
    ['这个¥59能便宜点吗', '这个¥59能便宜点吗'],
    // order numbers, prices and faces are left as they were
    ['订单号：2938475610293847 到哪了', '订单号:2938475610293847 到哪了'],
    ['price is $12.5 ok?', 'price is $12.5 ok?'],
    ['[微笑]好的', '好的'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
