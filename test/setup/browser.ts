// Once per `vitest run` that has browser files (the `browser` project's global setup; issue 9: fast
// tests): start one Debian chromium and hand its endpoint to the workers through the environment.
// Each browser test file connects to it and works in contexts of its own (a context is a fresh
// profile: no cookies, storage or cache shared with another file), instead of starting chromium
// itself — a start was about a second of CPU per file on a shared 2-core machine. A file run
// outside vitest (the web benchmark) still launches its own (test/browser/fixture.ts).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.DXE_TEST_CHROMIUM_WS || !existsSync(CHROMIUM)) return async () => {};
  // Loopback only, a free port, and a random path in the endpoint.
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, host: '127.0.0.1', port: 0 });
  process.env.DXE_TEST_CHROMIUM_WS = server.wsEndpoint();
  return async () => {
    delete process.env.DXE_TEST_CHROMIUM_WS;
    await server.close();
  };
}
