// The progress bar of the import commands: on stderr, and only when stderr is a terminal, so a
// script reading stdout (EVAL §4) gets the summary JSON alone.
import type { SingleBar } from 'cli-progress';

export async function terminalProgressBar(format: string): Promise<SingleBar | undefined> {
  if (!process.stderr.isTTY) return undefined;
  const { SingleBar: Bar, Presets } = await import('cli-progress');
  const bar = new Bar({ stream: process.stderr, format, hideCursor: true }, Presets.shades_classic);
  bar.start(1, 0, { rows: 0 });
  return bar;
}
