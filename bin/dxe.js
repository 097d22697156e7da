#!/usr/bin/env node
// Entry point of the `dxe` CLI: runs the TypeScript sources through tsx so that a checkout
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
