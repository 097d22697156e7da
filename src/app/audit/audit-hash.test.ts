// Rows already in an audit log must still verify after a change to how hashes are computed: these
// hashes were computed by the code before core/canonical-json.ts (commit 2d3cda6) and must not move.
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, type AuditEntry } from './audit-log.js';

const at = new Date('2026-11-23T02:00:00.000Z');
const data = { reason: '买家要求', zeta: 1, alpha: [1, 'b', null, { y: 2, x: undefined, w: true }], at, 中文: '值' };
const first: AuditEntry = {
  orgId: 'org-1',
  at,
  actorKind: 'agent',
  actorId: 'agent-7',
  action: 'reply.override',
  subjectKind: 'conversation',
  subjectId: 'conv-1',
  data,
};
const FIRST_HASH = 'a1754c8c74628e8212a13e8654636b2110b2d46b900fe41b594ca87e06e07ae7';
const SECOND_HASH = '92529ae60747fa4c6416bd94e2affc934165de081a038d50408bac0f7430924f';

describe('audit chain hashes are stable (A11)', () => {
  it('a row hashed before the shared canonicalJson keeps its hash', () => {
    expect(auditHash(GENESIS_HASH, first)).toBe(FIRST_HASH);
    expect(auditHash(FIRST_HASH, { orgId: 'org-1', at: new Date('2026-11-23T03:00:00.000Z'), actorKind: 'system', action: 'evidence.export' })).toBe(SECOND_HASH);
  });

  it('the row as jsonb hands it back (Date as ISO text, keys reordered) verifies against the hash written', () => {
    const reordered = Object.fromEntries(Object.entries<unknown>(JSON.parse(JSON.stringify(data))).reverse());
    expect(auditHash(GENESIS_HASH, { ...first, data: reordered })).toBe(FIRST_HASH);
  });

  it('a changed row does not verify', () => {
    expect(auditHash(GENESIS_HASH, { ...first, data: { ...data, zeta: 2 } })).not.toBe(FIRST_HASH);
  });
});
