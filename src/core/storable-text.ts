// Text PostgreSQL can store (hardening): no NUL, no lone UTF-16 surrogate (half an emoji). The
// edge refuses such text in API requests (edge-guard); a buyer's typed message is mended instead,
// so the message itself is never lost over an invisible character.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the text holds a NUL or a lone surrogate. */
export function hasUnstorableChars(s: string): boolean {
  return NUL.test(s) || LONE_SURROGATE.test(s);
}

/** The text with NUL removed and lone surrogates replaced by U+FFFD. */
export function storableText(s: string): string {
  return s.replace(new RegExp(NUL.source, 'g'), '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
