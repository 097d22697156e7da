// SHA-256 as lowercase hex of a text's UTF-8 bytes: the hash of the audit chain and of evidence
// bundles (A11), always taken over core/canonical-json.ts output.
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
