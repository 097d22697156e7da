// A11: what an agent may attach to a case as evidence — photos of the goods, chat excerpts and
// courier records — with the type told by the file's own bytes (never by its name alone) and the
// size limits of the workbench. These are product limits, not platform figures.
import { DxeError } from '../errors.js';

export const EVIDENCE_KINDS = ['photo', 'chat_excerpt', 'courier_record'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_LIMITS = {
  /** Largest photo or courier-record file. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Longest chat excerpt or typed courier record, in characters. */
  maxTextChars: 20_000,
  /** Items per case. */
  maxItemsPerCase: 30,
} as const;

const KIND_ZH: Record<EvidenceKind, string> = { photo: '照片', chat_excerpt: '聊天记录', courier_record: '快递记录' };

/** The file type from its first bytes: JPEG, PNG, WebP, GIF or PDF; null when none of these. */
export function sniffMime(bytes: Uint8Array): string | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'application/pdf';
  return null;
}

const ALLOWED: Record<EvidenceKind, readonly string[]> = {
  photo: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  courier_record: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'],
  chat_excerpt: [],
};

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file upload: its type from its bytes, refused in Chinese when the kind does not take it. */
export function checkEvidenceFile(kind: EvidenceKind, fileName: string, bytes: Uint8Array): { mime: string } {
  if (kind === 'chat_excerpt') throw new DxeError('VALIDATION_FAILED', '聊天记录请粘贴文字或从会话中选择消息，不能上传文件');
  if (bytes.length === 0) throw new DxeError('VALIDATION_FAILED', `文件「${fileName}」是空的`);
  if (bytes.length > EVIDENCE_LIMITS.maxFileBytes) {
    throw new DxeError('PAYLOAD_TOO_LARGE', `文件「${fileName}」大小为 ${sizeText(bytes.length)}，超过上限 ${sizeText(EVIDENCE_LIMITS.maxFileBytes)}，请压缩后再上传`, {
      maxBytes: EVIDENCE_LIMITS.maxFileBytes,
    });
  }
  const mime = sniffMime(bytes);
  if (mime === null || !ALLOWED[kind].includes(mime)) {
    const allowed = kind === 'photo' ? 'JPG、PNG、WebP 或 GIF 图片' : 'JPG、PNG、WebP、GIF 图片或 PDF 文件';
    throw new DxeError('VALIDATION_FAILED', `「${fileName}」不是可用的${KIND_ZH[kind]}：${KIND_ZH[kind]}只接受${allowed}`, { allowed: ALLOWED[kind] });
  }
  return { mime };
}

/** A typed excerpt or record: text only, within the length limit. */
export function checkEvidenceText(kind: EvidenceKind, text: string): void {
  if (kind === 'photo') throw new DxeError('VALIDATION_FAILED', '照片请上传图片文件');
  if (text.trim().length === 0) throw new DxeError('VALIDATION_FAILED', `${KIND_ZH[kind]}内容为空`);
  if (text.length > EVIDENCE_LIMITS.maxTextChars) {
    throw new DxeError('PAYLOAD_TOO_LARGE', `${KIND_ZH[kind]}共 ${text.length} 字，超过上限 ${EVIDENCE_LIMITS.maxTextChars} 字，请分段添加`);
  }
}
