// The `dxe` sources compiled once per test run (issue 9: fast tests). Tests spawn `bin/dxe.js` like a
// user does; with DXE_TEST_BUILD set (test/setup/global.ts sets it for the run), bin/dxe.js loads
// this compiled copy instead of registering tsx, which every spawned process, and each of its
// PGlite and training threads, otherwise paid for again (about 0.7 s of CPU for `dxe --help`,
// more for a command that loads the store and the server).
//
// The copy is a file-for-file transform by the esbuild that tsx itself uses (no bundling), laid out
// like the checkout: src/**.js beside src's data files (copied, so paths relative to a module such
// as the training texts, the answers and the migrations resolve as in the sources), and rules/,
// web/, node_modules and package.json linked from the checkout.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Names linked from the checkout into the compiled copy's root. */
const LINKED = ['rules', 'web', 'node_modules', 'package.json', 'seeds'];

/** Compiles ROOT/src into OUT and returns the path of the compiled CLI entry (src/cli/main.js). */
export async function buildDxe(root: string, out: string): Promise<string> {
  const src = join(root, 'src');
  const entries: string[] = [];
  const data: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (!e.name.endsWith('.ts')) data.push(path);
      else if (!e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) entries.push(path);
    }
  };
  walk(src);
  fs.rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: join(out, 'src'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    bundle: false,
    // Stack traces in a failing child name the TypeScript lines.
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  for (const file of data) {
    const to = join(out, relative(root, file));
    fs.mkdirSync(dirname(to), { recursive: true });
    fs.copyFileSync(file, to);
  }
  // The NLU's TypeScript sources beside their compiled copies: the model cache names a trained
  // model by a hash of these files (src/app/shops/nlu-model-cache.ts reads the .ts files), so a
  // spawned `dxe` reads the model the run's global setup loaded, and one trained by other NLU code
  // never. Without them the compiled copy hashed no file at all: every checkout's spawned `dxe`
  // shared one name whatever its NLU code (issue 9: train once per run, never a stale model).
  const nlu = join(src, 'core', 'nlu');
  for (const sub of ['', 'entities']) {
    for (const f of fs.readdirSync(join(nlu, sub))) {
      if (f.endsWith('.ts') && !f.endsWith('.test.ts')) fs.copyFileSync(join(nlu, sub, f), join(out, relative(root, join(nlu, sub, f))));
    }
  }
  for (const name of LINKED) {
    if (fs.existsSync(join(root, name))) fs.symlinkSync(join(root, name), join(out, name));
  }
  return join(out, 'src', 'cli', 'main.js');
}
