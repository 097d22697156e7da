// A streaming RFC 4180 tokenizer: feed it text chunks, it emits records. Quotes may wrap any
// field, "" is a quote inside quotes, and quoted fields may hold delimiters and line breaks.
// Excel's ="…" (used by the platforms so order numbers are not turned into 1.93E+15) is read as
// a quoted field. Each record carries the physical line it starts on, for error reports.
import { DxeError } from '../../core/errors.js';

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
  /** The file ended inside a quoted field. */
  unterminated?: boolean;
}

const QUOTE = 34;
const EQUALS = 61;
const CR = 13;
const LF = 10;
/** A field longer than this means a stray quote swallowed the rest of the file. */
const MAX_FIELD = 1 << 20;

const enum State {
  FieldStart,
  Equals,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvTokenizer {
  private readonly delim: number;
  private fields: string[] = [];
  private field = '';
  private state = State.FieldStart;
  private line: number;
  private recordLine: number;
  private pendingCr = false;

  constructor(delimiter: string, firstLine = 1) {
    if (delimiter.length !== 1) throw new Error('delimiter must be one character');
    this.delim = delimiter.charCodeAt(0);
    this.line = firstLine;
    this.recordLine = firstLine;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.line++;
    this.recordLine = this.line;
  }

  private countNewlines(text: string, from: number, to: number): void {
    let at = text.indexOf('\n', from);
    while (at >= 0 && at < to) {
      this.line++;
      at = text.indexOf('\n', at + 1);
    }
  }

  feed(text: string, out: CsvRecord[]): void {
    const n = text.length;
    const d = this.delim;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === LF && this.state === State.FieldStart && this.fields.length === 0) {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else if (c === EQUALS) {
            this.state = State.Equals;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Equals:
          if (c === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else {
            this.field = '=';
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          while (j < n) {
            const cj = text.charCodeAt(j);
            if (cj === d || cj === CR || cj === LF) break;
            j++;
          }
          if (j > i) this.field += text.slice(i, j);
          if (j === n) {
            i = n;
            break;
          }
          const sep = text.charCodeAt(j);
          if (sep === d) this.endField();
          else {
            this.endRecord(out);
            if (sep === CR) this.pendingCr = true;
          }
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const j = text.indexOf('"', i);
          const end = j < 0 ? n : j;
          this.field += text.slice(i, end);
          this.countNewlines(text, i, end);
          if (this.field.length > MAX_FIELD) {
            throw new DxeError('VALIDATION_FAILED', `第 ${this.recordLine} 行起引号未闭合，文件格式不正确`, {
              importCode: 'IMPORT_UNTERMINATED_QUOTE',
              line: this.recordLine,
            });
          }
          if (j < 0) i = n;
          else {
            this.state = State.QuoteInQuoted;
            i = j + 1;
          }
          break;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else {
            // Text after a closing quote is kept (lenient, as Excel does): "12"34 → 1234.
            this.state = State.Unquoted;
          }
          break;
      }
    }
  }

  /** Call once at the end of input. */
  finish(out: CsvRecord[]): void {
    const unterminated = this.state === State.Quoted;
    if (this.state === State.Equals) this.field = '=';
    if (this.fields.length > 0 || this.field !== '' || this.state !== State.FieldStart) {
      this.endField();
      const rec: CsvRecord = { line: this.recordLine, fields: this.fields };
      if (unterminated) rec.unterminated = true;
      out.push(rec);
      this.fields = [];
    }
  }
}
