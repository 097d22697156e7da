// The timer loop a `dxe serve` process runs (DESIGN convention 5). It polls; while a step handled
// anything it goes again at once (rows that fell due while it worked wait for no poll), so a
// backlog drains at database speed; when a step found nothing it sleeps until the next follow-up
// falls due, at most the poll interval (issue 14: p99 lateness). Several processes may run it
// against one PostgreSQL: SKIP LOCKED hands each due row to exactly one of them.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../store/open-database.js';
import type { EventBus } from '../events/event-bus.js';
import { ensureFirstResponseDeadlines } from './first-response.js';
import { ensureOrderDeadlines } from './order-sweep.js';
import { ensurePromiseDeadlines } from './promise-deadlines.js';
import { runDueDeadlines, type Fired } from './run-due.js';
import { nextFollowupDue, runDueFollowups, type FiredFollowup } from '../followups/run-due.js';
import { ensureFollowups } from '../followups/sweep.js';
import { smtpTransport, type MailTransportFactory } from '../followups/mail-transport.js';
import { sendDueMail, type MailSendResult } from '../followups/revisit-mail.js';
import { noSecretKey, type SecretBox } from '../runtime/secret-box.js';

export interface TimerLoopOptions {
  database: Database;
  bus?: EventBus;
  now: () => Date;
  workerId?: string;
  intervalMs?: number;
  batch?: number;
  /** How often to add first-response deadlines nobody scheduled (ms; 0: never). C2 targets are seconds. */
  sweepEveryMs?: number;
  /** How often to add the deadlines of orders written without them (imports, demo) (ms; 0: never). */
  orderSweepEveryMs?: number;
  onFired?: (fired: Fired[]) => void;
  /** Follow-ups handled (issue 14). */
  onFollowups?: (handled: FiredFollowup[]) => void;
  onError?: (err: unknown) => void;
  /** F4: how often re-visit mails are sent (ms; 0: never) and through what (default: SMTP via nodemailer). */
  mailEveryMs?: number;
  mailTransport?: MailTransportFactory;
  /** Opens the shops' sealed SMTP passwords (the deployment's key; without one, sealed ones fail). */
  secrets?: SecretBox;
  onMail?: (results: MailSendResult[]) => void;
}

/** The shortest sleep between two empty steps (ms): a due time a moment away is not polled for in a spin. */
const MIN_SLEEP_MS = 5;

export interface TimerLoop {
  readonly workerId: string;
  stop(): Promise<void>;
}

export function startTimerLoop(opts: TimerLoopOptions): TimerLoop {
  const workerId = opts.workerId ?? `timers-${process.pid}-${randomUUID().slice(0, 8)}`;
  const intervalMs = opts.intervalMs ?? 250;
  const batch = opts.batch ?? 200;
  const sweepEveryMs = opts.sweepEveryMs ?? 1000;
  const orderSweepEveryMs = opts.orderSweepEveryMs ?? (opts.sweepEveryMs === 0 ? 0 : 30_000);
  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let lastSweep = 0;
  // Deadlines keep the poll interval while follow-ups keep the loop going (real time, not the
  // injected clock): their targets are seconds (C2), and a step of them each round trip would
  // slow the follow-ups down (issue 14: lateness).
  let lastDeadlines = -Infinity;
  let deadlinesBusy = false;
  let lastOrderSweep = 0;
  const mailEveryMs = opts.mailEveryMs ?? 5000;
  const mailTransport = opts.mailTransport ?? smtpTransport();
  let lastMail = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const done = (async () => {
    while (running) {
      let again = false;
      let wait = intervalMs;
      try {
        const now = opts.now();
        if (sweepEveryMs > 0 && now.getTime() - lastSweep >= sweepEveryMs) {
          lastSweep = now.getTime();
          await ensureFirstResponseDeadlines(opts.database, now);
        }
        if (orderSweepEveryMs > 0 && now.getTime() - lastOrderSweep >= orderSweepEveryMs) {
          lastOrderSweep = now.getTime();
          await ensureOrderDeadlines(opts.database, now);
          await ensurePromiseDeadlines(opts.database, now);
          await ensureFollowups(opts.database, now);
        }
        let fired: Fired[] = [];
        if (deadlinesBusy || performance.now() - lastDeadlines >= intervalMs) {
          lastDeadlines = performance.now();
          fired = await runDueDeadlines(opts.database, { now, workerId, batch, bus: opts.bus });
          deadlinesBusy = fired.length > 0;
        }
        if (fired.length > 0) opts.onFired?.(fired);
        // Issue 14: follow-up messages are timer rows too, sent once through the delivery port.
        const sent = opts.bus ? await runDueFollowups(opts.database, { now, workerId, batch, bus: opts.bus }) : [];
        if (sent.length > 0) opts.onFollowups?.(sent);
        // F4: re-visit mails through each shop's SMTP server; a failed send stays due with its error.
        if (mailEveryMs > 0 && now.getTime() - lastMail >= mailEveryMs) {
          lastMail = now.getTime();
          const mailed = await sendDueMail(opts.database, { now, transport: mailTransport, secrets: opts.secrets ?? noSecretKey });
          if (mailed.length > 0) opts.onMail?.(mailed);
        }
        // Anything handled: go again at once (more may have fallen due meanwhile). Nothing: sleep
        // until the next follow-up is due (the deadlines keep the poll interval).
        again = fired.length > 0 || sent.length > 0;
        if (!again && opts.bus) {
          const next = await nextFollowupDue(opts.database);
          if (next) wait = Math.max(MIN_SLEEP_MS, Math.min(intervalMs, next.getTime() - opts.now().getTime()));
        }
      } catch (err) {
        opts.onError?.(err);
      }
      if (running && !again) await sleep(wait);
    }
  })();

  return {
    workerId,
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await done;
    },
  };
}
