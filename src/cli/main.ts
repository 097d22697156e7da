// The `dxe` command line. Every file in ./commands exports `register(program)`; commands keep
// their heavy imports inside their actions so that `dxe --help` and small commands start fast.
import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DxeError } from '../core/errors.js';

const program = new Command();
program
  .name('dxe')
  .description('店小二 dianxiaoer — 电商客服工作台 / customer-service workbench')
  .showHelpAfterError();

const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
// .ts when run from the sources (tsx), .js in the test run's compiled copy (test/setup/dxe-build.ts).
const files = readdirSync(dir)
  .filter((f) => /\.[tj]s$/.test(f) && !/\.(test|d)\.ts$/.test(f))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
    register?: (p: Command) => void;
  };
  mod.register?.(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof DxeError) {
    process.stderr.write(`错误 [${err.code}]: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`错误 [INTERNAL]: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
