// Starts the training thread (nlu-train-worker.ts). The sources run through tsx (bin/dxe.js), and
// a worker thread does not inherit the parent's loader, so the thread registers it itself. When a
// compiled .js sits next to this file, that one is used.
import { existsSync } from 'node:fs';

const compiled = new URL('./nlu-train-worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./nlu-train-worker.ts', import.meta.url).href);
}
