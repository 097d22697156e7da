// `dxe nlu classify` (EVAL.md §1): JSON Lines on stdin → one result line per input line, in input
// order; a malformed line gives {"id": …, "error": "…"} and the run goes on.
// `dxe nlu eval FILE`: top-1 accuracy, macro-F1, secondary-aware accuracy, per-intent P/R and the
// most frequent confusions on a labelled JSON Lines file (INTENTS.md format).
import type { Command } from 'commander';

const FLUSH_BYTES = 1 << 16;

/**
 * The shipped model, trained once and then read from the model cache in the OS temp directory
 * (app/shops/nlu-model-cache.ts; DXE_NLU_CACHE=0 turns it off).
 */
async function loadNlu() {
  const { useNluModelCache } = await import('../../app/shops/nlu-model-cache.js');
  const { getDefaultNlu } = await import('../../core/nlu/index.js');
  useNluModelCache();
  return getDefaultNlu();
}

async function writeChunk(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', r));
}

async function classifyStream(): Promise<void> {
  const { z } = await import('zod');
  const { createInterface } = await import('node:readline');
  const Input = z.object({
    id: z.union([z.string(), z.number()]),
    text: z.string(),
    context: z.array(z.string()).optional(),
  });
  const nlu = await loadNlu();
  const { glossZh } = await import('../../core/nlu/index.js');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let out = '';
  for await (const raw of rl) {
    const line = raw.trim();
    if (line.length === 0) continue;
    let value: unknown;
    let id: unknown = null;
    try {
      value = JSON.parse(line);
    } catch {
      out += JSON.stringify({ id: null, error: '不是有效的 JSON' }) + '\n';
      value = undefined;
    }
    if (value !== undefined) {
      if (typeof value === 'object' && value !== null && 'id' in value) id = (value as { id: unknown }).id;
      const parsed = Input.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
        out += JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: `输入有误 ${where}${issue?.message ?? ''}`.trim() }) + '\n';
      } else {
        const { id: inId, text, context } = parsed.data;
        // EVAL §1: id, intent, confidence; extra fields (secondary, language, gloss, questions) are
        // allowed. The message as a whole decides `intent`; a message holding several questions
        // also lists each with its own intent (issue 12), as the bot answers them.
        const r = context ? nlu.understand(text, { context }) : nlu.understand(text);
        const row: Record<string, unknown> = { id: inId, intent: r.intent, confidence: r.confidence };
        if (r.secondary) row.secondary = r.secondary;
        if (r.questions.length > 1) row.questions = r.questions.map((q) => ({ text: q.text, intent: q.intent }));
        if (r.language !== 'zh') {
          row.language = r.language;
          const gloss = glossZh(r.language, [{ intent: r.intent, entities: r.entities }]);
          if (gloss) row.gloss = gloss;
        }
        out += JSON.stringify(row) + '\n';
      }
    }
    if (out.length >= FLUSH_BYTES) {
      await writeChunk(out);
      out = '';
    }
  }
  if (out.length > 0) await writeChunk(out);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

async function evalFile(file: string, json: boolean): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { z } = await import('zod');
  const { INTENT_IDS } = await import('../../core/intents.js');
  const { DxeError } = await import('../../core/errors.js');
  const { evaluate } = await import('../../core/nlu/index.js');
  const Row = z.object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string(),
    intent: z.enum(INTENT_IDS),
    secondary: z.enum(INTENT_IDS).nullable().optional(),
    context: z.array(z.string()).optional(),
  });
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim().length > 0);
  const nlu = await loadNlu();
  const items = lines.map((line, i) => {
    let parsed;
    try {
      parsed = Row.safeParse(JSON.parse(line));
    } catch {
      throw new DxeError('MALFORMED_JSON', `第 ${i + 1} 行不是有效的 JSON`);
    }
    if (!parsed.success) throw new DxeError('VALIDATION_FAILED', `第 ${i + 1} 行格式有误`);
    const r = nlu.classify(parsed.data.text, parsed.data.context ? { context: parsed.data.context } : {});
    return { gold: parsed.data.intent, goldSecondary: parsed.data.secondary ?? null, predicted: r.intent };
  });
  const report = evaluate(items);
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const rows = [
    `样本数 n = ${report.n}`,
    `top-1 准确率 accuracy: ${pct(report.accuracy)}`,
    `macro-F1: ${report.macroF1.toFixed(3)}`,
    `计入次意图的准确率 accuracy (secondary counts): ${pct(report.accuracyWithSecondary)}`,
    '',
    'intent              support  precision  recall   f1',
    ...INTENT_IDS.filter((id) => report.perIntent[id].support > 0 || report.perIntent[id].precision > 0).map((id) => {
      const s = report.perIntent[id];
      return `${id.padEnd(20)}${String(s.support).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${s.f1.toFixed(3)}`;
    }),
    '',
    '最常见的混淆 top confusions (gold → predicted):',
    ...report.confusions.map((c) => `  ${c.gold} → ${c.predicted}: ${c.count}`),
  ];
  process.stdout.write(rows.join('\n') + '\n');
}

export function register(program: Command): void {
  const nlu = program.command('nlu').description('意图识别 / intent recognition');
  nlu
    .command('classify')
    .description('从标准输入读取 JSON Lines {"id","text","context"?}，逐行输出意图 {"id","intent","confidence"}')
    .action(async () => {
      await classifyStream();
    });
  nlu
    .command('eval')
    .description('在带标注的 JSON Lines 文件上评估：准确率、macro-F1、各意图精确率/召回率、常见混淆')
    .argument('<file>', '评估文件（INTENTS.md 格式）')
    .option('--json', '输出机器可读的 JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await evalFile(file, opts.json === true);
    });
}
