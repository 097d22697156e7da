#!/usr/bin/env node
// Entry point of the `dxe` CLI: runs the TypeScript sources through tsx so that a checkout
// works right after `npm ci` with no build step.
// The test run compiles the sources once (test/setup/dxe-build.ts) and names the compiled entry in
// DXE_TEST_BUILD, so that the many `dxe` processes the tests spawn skip tsx (issue 9).
const prebuilt = process.env.DXE_TEST_BUILD;
if (prebuilt) {
  const { pathToFileURL } = await import('node:url');
  await import(pathToFileURL(prebuilt).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
