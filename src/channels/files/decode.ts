// Bytes → text, streaming. The platforms export GBK (older back-ends, Excel on Chinese Windows)
// or UTF-8 with or without a BOM. We sniff the first 64 KB: a BOM decides; otherwise strict
// UTF-8 is tried and anything that is not valid UTF-8 is read as GB18030 (a superset of GBK)
// through iconv-lite's streaming decoder. Binary files (xlsx, images) are refused up front.
import iconv from 'iconv-lite';
import { DxeError } from '../../core/errors.js';

export type TextEncodingName = 'utf-8' | 'gbk' | 'utf-16le';

export interface DecodedText {
  encoding: TextEncodingName;
  hadBom: boolean;
  chunks: AsyncGenerator<string>;
}

const SNIFF_BYTES = 64 * 1024;

function notText(reason: string): DxeError {
  return new DxeError('UNSUPPORTED_ENCODING', reason, { importCode: 'IMPORT_NOT_TEXT' });
}

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

function controlRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return text.length === 0 ? 0 : bad / text.length;
}

export async function decodeStream(source: AsyncIterable<Uint8Array>): Promise<DecodedText> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const buf = Buffer.from(next.value);
    parts.push(buf);
    size += buf.length;
  }
  let head = Buffer.concat(parts, size);
  if (head.length === 0) {
    throw new DxeError('VALIDATION_FAILED', '文件为空，没有可导入的内容', { importCode: 'IMPORT_EMPTY_FILE' });
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw notText('这是 Excel 工作簿（.xlsx/.xls），不是 CSV 文件：请在 Excel 中“另存为 CSV”后再导入');
  }

  let encoding: TextEncodingName;
  let hadBom = false;
  let decode: (buf: Buffer, last: boolean) => string;
  let consumed = 0;
  const bytesSeen = () => consumed;

  if (startsWith(head, [0xfe, 0xff])) {
    throw notText('不支持 UTF-16 BE 编码的文件，请另存为 UTF-8 或 GBK 的 CSV');
  } else if (startsWith(head, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    hadBom = true;
    head = head.subarray(2);
    const dec = iconv.getDecoder('utf-16le');
    decode = (buf, last) => dec.write(buf) + (last ? (dec.end() ?? '') : '');
  } else {
    if (startsWith(head, [0xef, 0xbb, 0xbf])) {
      hadBom = true;
      head = head.subarray(3);
    }
    if (head.includes(0)) {
      throw notText('文件含有二进制内容，不是 CSV 文本文件');
    }
    let utf8: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
    try {
      utf8.decode(head, { stream: !ended });
    } catch {
      if (hadBom) throw notText('文件带有 UTF-8 标记，但内容不是有效的 UTF-8');
      utf8 = undefined;
    }
    if (utf8) {
      encoding = 'utf-8';
      const dec = new TextDecoder('utf-8', { fatal: true });
      decode = (buf, last) => {
        try {
          return dec.decode(buf, { stream: !last });
        } catch {
          throw notText(`文件第 ${bytesSeen()} 字节附近出现无法按 UTF-8 解码的内容，文件可能混用了编码或已损坏`);
        }
      };
    } else {
      encoding = 'gbk';
      const dec = iconv.getDecoder('gb18030');
      decode = (buf, last) => dec.write(buf) + (last ? (dec.end() ?? '') : '');
    }
  }

  const headText = decode(head, ended);
  consumed += head.length;
  if (controlRatio(headText) > 0.01) {
    throw notText('文件内容无法按 UTF-8 或 GBK 识别为文本，不是 CSV 文件');
  }

  async function* chunks(): AsyncGenerator<string> {
    if (headText) yield headText;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const buf = Buffer.from(next.value);
      consumed += buf.length;
      const text = decode(buf, false);
      if (text.includes('\u0000')) throw notText('文件含有二进制内容，不是 CSV 文本文件');
      if (text) yield text;
    }
    const tail = decode(Buffer.alloc(0), true);
    if (tail) yield tail;
  }
  return { encoding, hadBom, chunks: chunks() };
}
