// Evidence files exported before core/canonical-json.ts must still verify: this bundle's hash was
// computed by the code before the change (commit 2d3cda6) and must not move (A11).
import { describe, expect, it } from 'vitest';
import { EVIDENCE_FORMAT } from './build-bundle.js';
import { verifyEvidenceText } from './verify.js';

const bundle = {
  generatedAt: '2026-11-23T02:00:00.000Z',
  focusCaseId: null,
  shop: { platform: 'tmall', name: '衣小铺', id: 's1' },
  order: { paidYuan: 59.9, lines: [{ qty: 2, title: 'T恤' }], receiverPhone: '138****0000' },
  attachments: [],
};
const SHA256 = 'a12427867f734c8f2332dfc8d9946917482c7fac043110b4ef2552c7d25c1214';
const file = { format: EVIDENCE_FORMAT, sha256: SHA256, auditEntryHash: 'f'.repeat(64), bundle };

describe('evidence files verify across versions (A11)', () => {
  it('a file written before the shared canonicalJson is 完整', () => {
    const v = verifyEvidenceText(JSON.stringify(file, null, 2));
    expect(v.actual).toBe(SHA256);
    expect(v.intact).toBe(true);
  });

  it('an edited file is 已被篡改', () => {
    const edited = { ...file, bundle: { ...bundle, order: { ...bundle.order, paidYuan: 5.99 } } };
    const v = verifyEvidenceText(JSON.stringify(edited));
    expect(v.intact).toBe(false);
    expect(v.messageZh).toContain('已被篡改');
  });
});
