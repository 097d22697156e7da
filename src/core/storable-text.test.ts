import { describe, expect, it } from 'vitest';
import { hasUnstorableChars, storableText } from './storable-text.js';

describe('storable text (hardening)', () => {
  it('finds NUL and lone surrogates, not whole emoji', () => {
    expect(hasUnstorableChars('a\u0000b')).toBe(true);
    expect(hasUnstorableChars('x\ud800')).toBe(true);
    expect(hasUnstorableChars('x\udc00y')).toBe(true);
    expect(hasUnstorableChars('亲😊𠮷')).toBe(false);
  });
  it('mends: NUL dropped, a lone surrogate becomes U+FFFD, whole emoji kept', () => {
    expect(storableText('\u0000反转\ud800文字😊')).toBe('反转\uFFFD文字😊');
    expect(hasUnstorableChars(storableText('\udc00\u0000\ud83d'))).toBe(false);
  });
});
