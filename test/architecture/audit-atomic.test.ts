// Every write and its audit row commit together (issue 10 minor, A11; docs/architecture.md
// "Conventions inside a room"). A use case appends its audit row with appendAuditIn(tx, …) inside
// the transaction of its writes; appendAudit (its own transaction) is only for a use case whose
// audit row is its one and only write. This reads the sources, so a new call outside that rule
// fails here until it is moved into its transaction (or added below with the reason).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** Files where appendAudit stands alone, and why that is atomic. */
const AUDIT_ONLY: Record<string, string> = {
  'src/app/conversations/send-reply.ts': 'reply.blocked: a blocked draft writes nothing but the audit row',
  'src/app/evidence/build-bundle.ts': 'evidence.export: the bundle is a file; the audit row is the only database write',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('writes are atomic with their audit rows (issue 10, A11)', () => {
  const files = sources(SRC).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

  it('appendAudit (its own transaction) appears only where the audit row is the only write', () => {
    const standalone = files
      .filter((f) => f.file !== 'src/app/audit/audit-log.ts' && /\bappendAudit\(/.test(f.text))
      .map((f) => f.file);
    expect(standalone.sort()).toEqual(Object.keys(AUDIT_ONLY).sort());
  });

  it('appendAuditIn is always given the open transaction', () => {
    const calls = files.flatMap((f) => [...f.text.matchAll(/\bappendAuditIn\(\s*([A-Za-z_.]+)/g)].map((m) => ({ file: f.file, arg: m[1] })));
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.filter((c) => c.arg !== 'tx' && c.file !== 'src/app/audit/audit-log.ts')).toEqual([]);
  });
});
