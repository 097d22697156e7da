// A small reader of the first worksheet of an .xlsx workbook (issue 13: review exports come as
// Excel files): a ZIP archive read from its central directory, entries inflated with node:zlib,
// the shared strings and the sheet's cells read from their XML. Enough for the platforms'
// exports (strings, numbers, inline strings, dates as serial numbers); no formulas evaluated
// (their cached values are read), no styles.
import { inflateRawSync } from 'node:zlib';
import { DxeError } from '../../core/errors.js';

function bad(reason: string): DxeError {
  return new DxeError('UNSUPPORTED_ENCODING', `Excel 文件无法读取：${reason}`, { importCode: 'IMPORT_BAD_XLSX' });
}

/** The archive's entries by name (bytes inflated on demand). */
function zipEntries(buf: Buffer): Map<string, () => Buffer> {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('不是有效的 ZIP/XLSX 文件');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, () => Buffer>();
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw bad('目录损坏');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    out.set(name, () => {
      if (buf.readUInt32LE(local) !== 0x04034b50) throw bad(`${name} 损坏`);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw bad(`不支持的压缩方式 ${method}`);
    });
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? '';
  });
}

/** Text of all <t> runs inside a fragment (rich text has several). */
function runsText(fragment: string): string {
  let s = '';
  for (const m of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += m[1] ?? '';
  return unescapeXml(s);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Excel serial day number (1900 system) → "YYYY-MM-DD HH:mm:ss" wall clock, as the cell shows it. */
export function excelSerialToWallClock(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** The rows of the workbook's first sheet, as text. Numbers in date-styled cells become wall-clock times. */
export function readXlsxRows(buf: Buffer): string[][] {
  const entries = zipEntries(buf);
  const read = (name: string): string | undefined => entries.get(name)?.().toString('utf8');
  const shared: string[] = [];
  const sst = read('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(runsText(m[1] ?? ''));
  // Date styles: numFmtId 14–22 and custom formats with y/m/d/h.
  const dateStyles = new Set<number>();
  const styles = read('xl/styles.xml');
  if (styles) {
    const custom = new Map<number, string>();
    for (const m of styles.matchAll(/<numFmt\s+numFmtId="(\d+)"\s+formatCode="([^"]*)"/g)) custom.set(Number(m[1]), m[2] ?? '');
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    let i = 0;
    for (const m of xfs.matchAll(/<xf\s[^>]*?numFmtId="(\d+)"[^>]*\/?>/g)) {
      const id = Number(m[1]);
      const code = custom.get(id) ?? '';
      if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || /[yd]|h{1,2}:m/i.test(code.replace(/"[^"]*"/g, ''))) dateStyles.add(i);
      i++;
    }
  }
  const workbookRels = read('xl/_rels/workbook.xml.rels') ?? '';
  const workbook = read('xl/workbook.xml') ?? '';
  const firstSheetRid = /<sheet\s[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  let sheetPath = 'xl/worksheets/sheet1.xml';
  if (firstSheetRid) {
    const target = new RegExp(`<Relationship[^>]*Id="${firstSheetRid}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1]
      ?? new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${firstSheetRid}"`).exec(workbookRels)?.[1];
    if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  const sheet = read(sheetPath);
  if (!sheet) throw bad('找不到工作表');
  const rows: string[][] = [];
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row: string[] = [];
    const body = rm[2] ?? '';
    // Rows Excel left out (empty) still count, so line numbers match what the seller sees.
    const r = Number(/\br="(\d+)"/.exec(rm[1] ?? '')?.[1] ?? rows.length + 1);
    while (rows.length < r - 1) rows.push([]);
    let next = 0;
    for (const cm of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1] ?? '';
      const inner = cm[2] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? -1);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = runsText(inner);
      else if (type === 'str' || type === 'e') value = unescapeXml(v ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) value = dateStyles.has(style) && /^-?\d+(\.\d+)?$/.test(v) ? excelSerialToWallClock(Number(v)) : v;
      while (row.length < col) row.push('');
      row[col] = value;
    }
    rows.push(row);
  }
  return rows;
}
