import { describe, expect, it } from 'vitest';
import { isWordSegmented, mayHoldSeveral, splitClauses } from './questions.js';

const texts = (t: string) => splitClauses(t).map((c) => c.text);

describe('cutting a message into its questions (issue 12)', () => {
  it('cuts at question marks, commas, 还有/另外/顺便 and spaces between clauses', () => {
    expect(texts('这件t恤有l码吗?什么时候发货?')).toEqual(['这件t恤有l码吗', '什么时候发货']);
    expect(texts('有货吗 顺便问下能开发票不')).toEqual(['有货吗', '顺便问下能开发票不']);
  });

  it('cuts after a question particle without punctuation, not inside 什么/怎么', () => {
    expect(texts('包邮吗能开票吗')).toEqual(['包邮吗', '能开票吗']);
    expect(texts('能便宜点吗包邮不')).toEqual(['能便宜点吗', '包邮不']);
    expect(texts('怎么还没发货啊')).toEqual(['怎么还没发货啊']);
    expect(texts('什么时候发货')).toEqual(['什么时候发货']);
    expect(mayHoldSeveral('包邮吗能开票吗')).toBe(true);
  });

  it('cuts before a second ask after a complete first one', () => {
    expect(texts('啥时候发发什么快递')).toEqual(['啥时候发', '发什么快递']);
    expect(texts('什么快递')).toEqual(['什么快递']);
  });

  it('keeps a word-segmented chat-log line whole (its spaces are no clauses)', () => {
    expect(isWordSegmented('亲 这个 什么时候 能 发货 啊')).toBe(true);
    expect(texts('亲 这个 什么时候 能 发货 啊')).toEqual(['亲 这个 什么时候 能 发货 啊']);
    expect(isWordSegmented('165 100斤穿什么码 有白色吗')).toBe(false);
  });

  it('English: also/btw/plus start a new question, and before a new topic', () => {
    expect(texts('can you give discount also free shipping to spain?')).toEqual(['can you give discount', 'free shipping to spain']);
    expect(texts('do you have xl and when will you ship')).toEqual(['do you have xl', 'when will you ship']);
  });

  it('round 6: a space after a number before the next clause, an English greeting lead (issue 12)', () => {
    expect(texts('我穿39还是40 不合适能换吗')).toEqual(['我穿39还是40', '不合适能换吗']);
    expect(texts('hi 我158 98斤选几码')).toEqual(['hi', '我158 98斤选几码']);
    expect(texts('hello seller where my package')).toEqual(['hello seller', 'where my package']);
    expect(texts('在么今天能发货不')).toEqual(['在么', '今天能发货不']);
    expect(texts('highlight color')).toEqual(['highlight color']);
  });

  it('marks a clause whose connector was cut away (and/also/btw) as led (issue 12)', () => {
    const c = splitClauses('is still warranty? also you sell the strap separately?');
    expect(c.map((x) => [x.text, x.led === true])).toEqual([
      ['is still warranty', false],
      ['you sell the strap separately', true],
    ]);
  });

  it('round 7: three clauses a buyer spaced are no word-segmented log (issue 12)', () => {
    expect(isWordSegmented('好的 那明天能发吧 谢谢')).toBe(false);
    expect(texts('好的 那明天能发吧 谢谢')).toEqual(['好的', '那明天能发吧', '谢谢']);
    expect(isWordSegmented('亲 这个 什么时候 能 发货 啊')).toBe(true);
    expect(isWordSegmented('这个 什么时候 发货')).toBe(false);
    expect(isWordSegmented('物流 怎么 一直 不 更新')).toBe(true);
  });

  it('round 7: an English full stop between sentences, and before have/still/by (issue 12)', () => {
    expect(texts('thank u, i leave good feedback. how i put photos')).toEqual(['thank u', 'i leave good feedback', 'how i put photos']);
    expect(texts('is it leather and have in brown')).toEqual(['is it leather', 'have in brown']);
    expect(texts('when you ship and by which courier')).toEqual(['when you ship', 'by which courier']);
    // no cut inside a number, a link or a lone abbreviation
    expect(texts('the cable is 1.5 m?')).toEqual(['the cable is 1.5 m']);
    expect(texts('size 42.5 ok')).toEqual(['size 42.5 ok']);
  });
});
