// What the import commands print (EVAL §4): the summary JSON on stdout; the same in words on
// stderr for a person at the terminal and whenever rows were rejected (a script's stderr stays
// empty on a clean import); with --strict a file with rejected rows exits 4 so scripts can tell.

export interface LineError {
  line: number;
  reason: string;
}

export function lineErrorsOf(summary: Record<string, unknown>): LineError[] {
  return Array.isArray(summary.errors) ? (summary.errors as LineError[]) : [];
}

/** The rejected rows in words: the first 20, then how many more (the JSON carries them all). */
export function describeLineErrors(errors: readonly LineError[], total = errors.length): string[] {
  const lines = errors.slice(0, 20).map((e) => `  第 ${e.line} 行：${e.reason}`);
  if (total > 20) lines.push(`  ……另有 ${total - 20} 行错误，见上方 JSON 的 errors`);
  return lines;
}

export function reportImport(
  summary: Record<string, unknown>,
  options: { strict?: boolean | undefined; describe: (summary: Record<string, unknown>) => string; errorCount?: number },
): void {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  const errors = options.errorCount ?? lineErrorsOf(summary).length;
  if (process.stderr.isTTY || errors > 0) process.stderr.write(options.describe(summary));
  if (options.strict && errors > 0) process.exitCode = 4;
}
