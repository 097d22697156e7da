// `dxe guard check` (EVAL §2): JSON Lines in → one verdict per line out, in order; a malformed
// line gets `{"id": …, "error": "…"}` and the run goes on. `dxe guard eval FILE`: the same lines
// plus `expect: ["D1", …]` → per-rule precision/recall, false blocks, and the misses.
import type { Command } from 'commander';
import type { ZodType } from 'zod';
import type { GuardLabelled, GuardRequest } from '../../core/guard/request-schema.js';
import { issueMessageZh } from '../../core/rules/issue-text.js';

const idOf = (raw: unknown): unknown =>
  raw !== null && typeof raw === 'object' && 'id' in raw ? Reflect.get(raw, 'id') : null;

/** The guard, loaded lazily so `dxe --help` stays fast. */
async function loadGuard() {
  const [{ checkReply }, rules, { PLATFORMS }] = await Promise.all([
    import('../../core/guard/check-reply.js'),
    import('../../core/rules/load-profiles.js'),
    import('../../core/platforms.js'),
  ]);
  const platforms: readonly string[] = PLATFORMS;
  return (line: GuardRequest) => {
    if (!platforms.includes(line.platform)) {
      throw new Error(`未知平台 "${line.platform}"，可选：${platforms.join(', ')}`);
    }
    const platform = PLATFORMS.find((p) => p === line.platform) ?? PLATFORMS[0];
    const ctx = line.context ?? {};
    return checkReply(line.text, rules.profileFor(platform), {
      ...(ctx.free_shipping !== undefined ? { freeShipping: ctx.free_shipping } : {}),
      ...(ctx.asker_is_buyer !== undefined ? { askerIsBuyer: ctx.asker_is_buyer } : {}),
      ...(ctx.previous_outgoing ? { previousOutgoing: ctx.previous_outgoing } : {}),
      ...(ctx.locale ? { locale: ctx.locale } : {}),
    });
  };
}

async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim().length > 0) yield line;
}

function parseLine<T>(line: string, schema: ZodType<T>): { ok: true; value: T } | { ok: false; id: unknown; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, id: null, error: '不是有效的 JSON' };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, id: idOf(raw), error: `输入有误：${issue?.path.join('.') || '(顶层)'} ${issue ? issueMessageZh(issue, raw) : ''}`.trim() };
  }
  return { ok: true, value: parsed.data };
}

export async function runCheck(input: NodeJS.ReadableStream, write: (s: string) => void): Promise<void> {
  const { guardRequestSchema } = await import('../../core/guard/request-schema.js');
  const check = await loadGuard();
  let buf = '';
  for await (const line of lines(input)) {
    const p = parseLine(line, guardRequestSchema);
    let out: unknown;
    if (!p.ok) out = { id: p.id, error: p.error };
    else {
      try {
        const r = check(p.value);
        out = { id: p.value.id, ...r };
      } catch (err) {
        out = { id: p.value.id, error: err instanceof Error ? err.message : String(err) };
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
  const { evaluateGuard, reportMarkdown } = await import('../../core/guard/evaluate.js');
  const { guardLabelledSchema } = await import('../../core/guard/request-schema.js');
  const check = await loadGuard();
  const cases: GuardLabelled[] = [];
  const errors: Array<{ id: unknown; error: string }> = [];
  for await (const line of lines(createReadStream(file, 'utf8'))) {
    const p = parseLine(line, guardLabelledSchema);
    if (p.ok) cases.push(p.value);
    else errors.push({ id: p.id, error: p.error });
  }
  const report = evaluateGuard(
    cases.map((c) => ({ ...c, id: String(c.id) })),
    (c) => check(c),
  );
  if (json) {
    write(`${JSON.stringify({ ...report, errors })}\n`);
    return;
  }
  const out = [reportMarkdown(report), ''];
  if (errors.length) out.push(`无法读取的行 ${errors.length} 条：${errors.map((e) => `${String(e.id)} ${e.error}`).join('；')}`);
  if (report.misses.length) {
    out.push('判错的回复（期望 → 实际）：');
    for (const m of report.misses) out.push(`- ${m.id} [${m.expected.join(',') || '合规'} → ${m.got.join(',') || '合规'}] ${m.text}`);
  }
  write(`${out.join('\n')}\n`);
}

export function register(program: Command): void {
  const guard = program.command('guard').description('回复合规检查（平台规则 D1–D11）');
  guard
    .command('check')
    .description('从标准输入读取 JSON Lines 回复，逐行输出检查结果')
    .action(async () => {
      await runCheck(process.stdin, (s) => process.stdout.write(s));
    });
  guard
    .command('eval')
    .description('用带 expect 标注的 JSON Lines 文件评估回复检查的精确率与召回率')
    .argument('<file>', '标注文件（每行含 expect: ["D1", …]，合规回复为空数组）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { json?: boolean }) => {
      await runEval(file, opts.json === true, (s) => process.stdout.write(s));
    });
}
