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
