import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DxeError } from '../../core/errors.js';
import { decodeStream } from './decode.js';

async function* pieces(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function decodeAll(buf: Buffer, size = 7) {
  const d = await decodeStream(pieces(buf, size));
  let text = '';
  for await (const t of d.chunks) text += t;
  return { encoding: d.encoding, hadBom: d.hadBom, text };
}

const SAMPLE = '订单编号,收货地址 \n1,吉林省 通化市\n';

describe('decoding order files (O2: GBK and UTF-8, BOM)', () => {
  it('reads UTF-8 without BOM, split mid-character', async () => {
    expect(await decodeAll(Buffer.from(SAMPLE, 'utf8'), 5)).toEqual({ encoding: 'utf-8', hadBom: false, text: SAMPLE });
  });

  it('strips a UTF-8 BOM', async () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]);
    expect(await decodeAll(buf)).toEqual({ encoding: 'utf-8', hadBom: true, text: SAMPLE });
  });

  it('falls back to GBK, split mid-character', async () => {
    expect(await decodeAll(iconv.encode(SAMPLE, 'gbk'), 3)).toEqual({ encoding: 'gbk', hadBom: false, text: SAMPLE });
  });

  it('a file that turns out not to be UTF-8 after the first 64 KB fails with a code, not garbage', async () => {
    const buf = Buffer.concat([Buffer.from('a,b\n'.repeat(20000)), iconv.encode('张三,李四\n', 'gbk')]);
    await expect(decodeAll(buf, 4096)).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
  });

  it('reads UTF-16LE with BOM (Excel “Unicode text”)', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect((await decodeAll(buf)).text).toBe(SAMPLE);
  });

  it('refuses xlsx, binary and empty files with a code', async () => {
    await expect(decodeAll(Buffer.from('PK\u0003\u0004rest-of-zip', 'latin1'))).rejects.toThrow(/另存为 CSV/);
    await expect(decodeAll(Buffer.from([1, 2, 0, 4, 5, 0, 7]))).rejects.toBeInstanceOf(DxeError);
    await expect(decodeAll(Buffer.from([0x81, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0b, 0x0c]))).rejects.toMatchObject({
      code: 'UNSUPPORTED_ENCODING',
    });
    await expect(decodeAll(Buffer.alloc(0))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
