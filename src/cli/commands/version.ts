import type { Command } from 'commander';
import { createRequire } from 'node:module';

export function register(program: Command): void {
  const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
  program.version(pkg.version, '-v, --version', '显示版本号');
}
