// The one module in core that reads files. Core ships data next to its code — the rule profiles
// (rules/*.yaml), the NLU training text, the default standard answers — and reads it at start-up,
// as importing a JSON file would; a shipped file is found from the module that owns it
// (import.meta.url), so any working directory works. Everything else in core is pure; the arrow
// check (.dependency-cruiser.cjs, core-no-io) names only this file as an exception.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of a file shipped next to a module: `shippedPath(import.meta.url, 'answers/x.yaml')`. */
export function shippedPath(moduleUrl: string, relative: string): string {
  return resolve(dirname(fileURLToPath(moduleUrl)), relative);
}

/** A UTF-8 text file, as it is. Throws the file system's error; the caller says in Chinese which file it was. */
export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A UTF-8 text file shipped next to a module. */
export function readShippedFile(moduleUrl: string, relative: string): string {
  return readTextFile(shippedPath(moduleUrl, relative));
}
