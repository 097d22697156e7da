// `dxe reviews analyze` (EVAL §5; R6, R8): JSON Lines in → one analysis per line out, in order.
// A line that cannot be read gets `{"id": …, "error": "…", "code": "…"}` (code: MALFORMED_JSON or
// VALIDATION_FAILED) and the run goes on. `dxe reviews eval FILE`: lines with
// `expect: {sentiment, causes, flags}` → sentiment accuracy, causes micro-F1, flags P/R, misses.
import type { Command } from 'commander';
import { z } from 'zod';

const idOf = (raw: unknown): unknown =>
  raw !== null && typeof raw === 'object' && 'id' in raw ? Reflect.get(raw, 'id') : null;

export const reviewLineSchema = z.object({
  id: z.union([z.string(), z.number(), z.null()]),
  text: z.string().max(20_000, '评价内容过长（最多 20000 字）'),
  rating: z.number().int().min(1).max(5).nullish(),
  platform: z.string().max(40).nullish(),
});

const labelledSchema = reviewLineSchema.extend({
  expect: z.object({
    sentiment: z.enum(['positive', 'negative']),
    causes: z.array(z.enum(['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging'])),
    flags: z.array(z.enum(['abuse', 'ad', 'private_data', 'extortion'])),
  }),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; id: unknown; code: 'MALFORMED_JSON' | 'VALIDATION_FAILED'; error: string };

function parseLine<T>(line: string, schema: z.ZodType<T>): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, id: null, code: 'MALFORMED_JSON', error: '不是有效的 JSON' };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id = idOf(raw);
    return { ok: false, id: typeof id === 'string' || typeof id === 'number' ? id : null, code: 'VALIDATION_FAILED', error: `输入有误：${issue?.path.join('.') || '(顶层)'} ${issue?.message ?? ''}`.trim() };
  }
  return { ok: true, value: parsed.data };
}

async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim().length > 0) yield line;
}

export async function runAnalyze(input: NodeJS.ReadableStream, write: (s: string) => void): Promise<void> {
  const { analyzeReview } = await import('../../core/reviews/analyze.js');
  let buf = '';
  for await (const line of lines(input)) {
    const p = parseLine(line, reviewLineSchema);
    let out: unknown;
    if (!p.ok) out = { id: p.id, error: p.error, code: p.code };
    else {
      try {
        const v = p.value;
        out = { id: v.id, ...analyzeReview({ text: v.text, rating: v.rating ?? undefined, platform: v.platform ?? undefined }) };
      } catch (err) {
        out = { id: p.value.id, error: err instanceof Error ? err.message : String(err), code: 'INTERNAL' };
      }
    }
    buf += `${JSON.stringify(out)}\n`;
    if (buf.length > 64_000) {
      write(buf);
      buf = '';
    }
  }
  if (buf) write(buf);
}

export async function runEval(file: string, json: boolean, write: (s: string) => void): Promise<void> {
  const { createReadStream } = await import('node:fs');
  const { analyzeReview } = await import('../../core/reviews/analyze.js');
  const { evaluateAnalysis } = await import('../../core/reviews/evaluate-analysis.js');
  const cases: Array<z.infer<typeof labelledSchema>> = [];
  const errors: Array<{ id: unknown; error: string }> = [];
  for await (const line of lines(createReadStream(file, 'utf8'))) {
    const p = parseLine(line, labelledSchema);
    if (p.ok) cases.push(p.value);
    else errors.push({ id: p.id, error: p.error });
  }
  const report = evaluateAnalysis(
    cases.map((c) => ({ ...c, id: String(c.id), rating: c.rating ?? undefined, platform: c.platform ?? undefined })),
    (c) => analyzeReview(c),
  );
  if (json) {
    write(`${JSON.stringify({ ...report, errors })}\n`);
    return;
  }
  const out = [
    `评价 ${report.n} 条 · 情感准确率 ${(report.sentimentAccuracy * 100).toFixed(1)} % · 原因 micro-F1 ${report.causes.f1}（P ${report.causes.precision} R ${report.causes.recall}）· 举报标记 P ${report.flags.precision} R ${report.flags.recall}`,
  ];
  if (errors.length) out.push(`无法读取的行 ${errors.length} 条：${errors.map((e) => `${String(e.id)} ${e.error}`).join('；')}`);
  for (const m of report.misses) out.push(`- ${m.id} ${m.expected} → ${m.got}  ${m.text}`);
  write(`${out.join('\n')}\n`);
}

export function register(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'reviews') ?? program.command('reviews').description('评价分析与管理（R1–R8）');
  group
    .command('analyze')
    .description('从标准输入读取 JSON Lines 评价，逐行输出情感、差评原因与举报标记')
    .action(async () => {
      await runAnalyze(process.stdin, (s) => process.stdout.write(s));
    });
  group
    .command('eval')
    .description('用带 expect 标注的 JSON Lines 文件评估评价分析（情感准确率、原因 F1、标记精确率/召回率）')
    .argument('<file>', '标注文件（每行含 expect: {sentiment, causes, flags}）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { json?: boolean }) => {
      await runEval(file, opts.json === true, (s) => process.stdout.write(s));
    });
}
