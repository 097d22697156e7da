// `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<string>` returning a
// markdown section), prints the sections and writes bench/RESULTS.md with the machine and date.
// `npm run bench -- nlu guard` runs only the named ones.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const sections: string[] = [];
for (const file of files) {
  const started = Date.now();
  process.stderr.write(`bench: ${file} …\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<string> };
    const section = await mod.run();
    sections.push(section.trim());
    process.stdout.write(`${section.trim()}\n\n`);
  } catch (err) {
    const msg = `## ${file}\n\nFAILED: ${(err as Error).stack ?? String(err)}`;
    sections.push(msg);
    process.stdout.write(`${msg}\n\n`);
    process.exitCode = 1;
  }
  process.stderr.write(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmark results',
  '',
  `Run with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus().length} × ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}` +
    `${process.env.DATABASE_URL ? ', PostgreSQL via DATABASE_URL' : ''}.`,
  'Each section states its target and the peer it is compared with, measured in the same run.',
  '',
];
if (only.length === 0) writeFileSync(join(dir, 'RESULTS.md'), `${header.join('\n')}\n${sections.join('\n\n')}\n`);
