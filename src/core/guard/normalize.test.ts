// Normalised views (D1, D2 evasions): look-alikes, full-width, traditional script, symbols and
// emoji between characters; every compact character maps back to its original range.
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { compileGuard } from './compile.js';
import { compactSpan } from './normalize.js';

const { norm } = compileGuard(profileFor('taobao').guard ?? (() => { throw new Error('no guard'); })());

describe('compact view (D1, D2)', () => {
  it.each([
    ['ＶＸ', 'vx'],
    ['ⓦⓧ', 'wx'],
    ['𝐰𝐞𝐜𝐡𝐚𝐭', 'wechat'],
    ['wесhаt', 'wechat'], // Cyrillic е, с, а
    ['νx', 'vx'], // Greek nu
    ['薇❤信', '微信'],
    ['徽 信', '微信'],
    ['微\u200b信', '微信'],
    ['支付寶轉帳', '支付宝转账'],
    ['➕V', '+v'],
    ['什么', '什么'],
  ])('%s → %s', (input, want) => {
    expect(norm.view(input).compact).toBe(want);
  });
  it('number words become digits on the digit view only', () => {
    const v = norm.view('一三八①②③幺洞');
    expect(v.digits).toBe('13812310');
    expect(v.compact).toBe('一三八123幺洞');
  });
  it('compact indices map back to UTF-16 ranges of the original, astral characters included', () => {
    const text = '😊加 𝐯 信';
    const v = norm.view(text);
    expect(v.compact).toBe('加v信');
    const [s, e] = compactSpan(v, 0, 3);
    expect(text.slice(s, e)).toBe('加 𝐯 信');
  });
  it('clauses split on Chinese punctuation and on ". " in English', () => {
    expect(norm.view('不要微信，加我').clauseC.length).toBe(2);
    expect(norm.view('No. Add me').clauseC.length).toBe(2);
    expect(norm.view('abc@qq.com').clauseC.length).toBe(1);
  });
});
