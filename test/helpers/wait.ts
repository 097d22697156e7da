// Waiting for something that happens in the background (a timer loop's tick, a delivery worker, a
// bus message) in a test. The limit is room, not a race (issue 9: no flaky test): the condition is
// checked every few milliseconds, so a fast machine waits no longer than the event takes, while a
// loaded 2-core CI machine (two test files, PostgreSQL and a browser beside each other) gets
// seconds to spare. Something that never happens still fails, naming what was awaited.

/** How long `until` waits by default. */
export const UNTIL_MS = 30_000;

/** Resolves once `cond` holds; throws `timed out waiting: <what>` after `ms`. */
export async function until(what: string, cond: () => boolean | Promise<boolean>, ms = UNTIL_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
