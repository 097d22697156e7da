// Trained intent models kept on disk between processes (issue 9: train once, not once per process
// or test file). Training the shipped model takes seconds of CPU; its bytes are a few hundred KB.
// Files live in the OS temp directory (DXE_NLU_CACHE_DIR overrides it; DXE_NLU_CACHE=0 turns the
// cache off). A file's name hashes the NLU source code, and the core adds a hash of the training
// examples and options, so any change to the code or the data trains afresh. Shops' own models
// (shop-nlu.ts) are kept here too, under a SHA-256 of their whole training input (shopModelKey):
// a restart, a second `dxe serve` or a shop whose examples came back to an earlier set reads the
// model instead of training it again.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setDefaultNluCache, trainingInput, type Example, type ModelCache } from '../../core/nlu/index.js';

/** Models kept at most (about 10 MB each); the least recently used go first. */
const KEEP_FILES = 12;

const NLU_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'core', 'nlu');

let codeVersion: string | null | undefined;

/** A hash of the NLU source files (training code and features), or null if they cannot be read. */
function nluCodeVersion(): string | null {
  if (codeVersion !== undefined) return codeVersion;
  const code = createHash('sha256');
  try {
    for (const sub of ['', 'entities']) {
      for (const f of fs.readdirSync(join(NLU_DIR, sub)).sort()) {
        if (f.endsWith('.ts') && !f.endsWith('.test.ts')) code.update(f).update(fs.readFileSync(join(NLU_DIR, sub, f)));
      }
    }
    codeVersion = code.digest('hex').slice(0, 16);
  } catch {
    codeVersion = null;
  }
  return codeVersion;
}

export function nluCacheDir(): string {
  return process.env.DXE_NLU_CACHE_DIR || join(tmpdir(), 'dxe-nlu-cache');
}

/** The file cache for trained models, or undefined when it is turned off or cannot work. */
export function nluModelCache(): ModelCache | undefined {
  if (process.env.DXE_NLU_CACHE === '0') return undefined;
  const version = nluCodeVersion();
  if (!version) return undefined;
  const dir = nluCacheDir();
  const file = (key: string) => join(dir, `model-${version}-${key.replace(/[^0-9a-z-]/gi, '')}.bin`);
  return {
    load(key) {
      try {
        const bytes = new Uint8Array(fs.readFileSync(file(key)));
        // Marks it used, so that pruning drops models nobody reads rather than the shared one.
        const now = new Date();
        fs.utimesSync(file(key), now, now);
        return bytes;
      } catch {
        return undefined;
      }
    },
    save(key, bytes) {
      try {
        // Readable by this user only: a shop's model is trained on that shop's own examples.
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file(key)}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, bytes, { mode: 0o600 });
        fs.renameSync(tmp, file(key));
        prune(dir);
      } catch {
        // A read-only temp dir only costs the next start its training time.
      }
    },
  };
}

/**
 * The cache key of a shop's model: a SHA-256 of everything its training reads (the shipped
 * examples, the shop's examples in order, its dictionary, the options; core trainingInput). A
 * changed, added or removed example, or a new item title, is another key: never a stale model.
 */
export function shopModelKey(extraExamples: readonly Example[], shopDictionary: readonly string[]): string {
  const input = trainingInput({ extraExamples: [...extraExamples], shopDictionary: [...shopDictionary] });
  return `shop-${createHash('sha256').update(input).digest('hex')}`;
}

/**
 * Keeps the KEEP_FILES most recently used models. Models of other code versions are not dropped at once:
 * several checkouts (or a rollback) may share the directory; they age out instead.
 */
function prune(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('model-') && f.endsWith('.bin'))
    .map((f) => {
      try {
        return { f, at: fs.statSync(join(dir, f)).mtimeMs };
      } catch {
        return { f, at: 0 };
      }
    })
    .sort((a, b) => b.at - a.at);
  for (const { f } of files.slice(KEEP_FILES)) fs.rmSync(join(dir, f), { force: true });
}

/** Makes the shared default model (getDefaultNlu) read and write the file cache. */
export function useNluModelCache(): void {
  setDefaultNluCache(nluModelCache());
}
