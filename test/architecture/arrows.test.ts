// The arrows of the house (docs/architecture.md) hold: dependency-cruiser with the project's rules
// (.dependency-cruiser.cjs) finds no wrong arrow and no cycle. A route that imports the store, a
// use case that imports the server, core reaching outside core — each fails this test and CI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('architecture', () => {
  it('every import points the allowed way and nothing forms a cycle', () => {
    const res = spawnSync(
      process.execPath,
      ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'src', 'web/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { encoding: 'utf8' },
    );
    expect(res.stdout + res.stderr).toMatch(/no dependency violations found/);
    expect(res.status).toBe(0);
  });

  it('no wrong arrow is waved through as "known"', () => {
    const known = JSON.parse(readFileSync('.dependency-cruiser-known-violations.json', 'utf8')) as unknown[];
    expect(known).toEqual([]);
  });
});
