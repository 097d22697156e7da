// F4 老客回访 by mail: the shop's SMTP server (set by an admin; the password is stored for sending
// and never returned), buyers' email addresses recorded by agents (personal data: masked unless the
// role is one the rules name, revisit.mail.show_roles), and the mail sender the timer loop runs:
// it claims due rows of mail_outbox with a lease (a second process skips them), hands each to the
// shop's server through the mail port, and records the outcome. A failed send keeps the row due
// for a retry later with the error (revisit.mail.retry_minutes, at most max_attempts sends): one
// bad server or address never stops the others and never throws out of the sweep.
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { BuyerEmailReply, MailSettingsBody, MailSettingsView } from '../../core/contract/revisits.js';
import { DxeError } from '../../core/errors.js';
import { followupRules } from '../../core/followups/config.js';
import { mailRetry } from '../../core/followups/revisit-channels.js';
import { maskEmail } from '../../core/privacy.js';
import type { Database } from '../../store/open-database.js';
import { buyers, mailOutbox, shopMailSettings } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess, requireRoleOf } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { isSealed, type SecretBox } from '../runtime/secret-box.js';
import type { MailTransport, MailTransportFactory, SmtpConfig } from './mail-transport.js';

/** A claimed row is another process's for this long (a send takes seconds; a crash frees it). */
const LEASE_MS = 10 * 60_000;

function mailRule() {
  const rule = followupRules().flows.revisit.mail;
  if (!rule) throw new DxeError('PROFILE_INVALID', 'rules/followups.yaml: flows.revisit.mail 缺失');
  return rule;
}

/** May this principal read buyers' email addresses unmasked? */
export function maySeeEmail(p: Principal): boolean {
  return (mailRule().show_roles as readonly string[]).includes(p.role);
}

/** Email addresses in a text (an SMTP error echoes the recipient) masked for the row and logs. */
function maskEmailsIn(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[A-Za-z0-9.-]+/g, (m) => maskEmail(m) ?? '***');
}

// ---------------------------------------------------------------------------------------------
// The shop's SMTP server

export async function mailSettings(database: Database, p: Principal, shopId: string): Promise<MailSettingsView> {
  assertShopAccess(p, shopId);
  requireRoleOf(p, 'admin', 'supervisor');
  const [row] = await database.db.select().from(shopMailSettings).where(eq(shopMailSettings.shopId, shopId));
  const recent = await database.db.select().from(mailOutbox).where(eq(mailOutbox.shopId, shopId)).orderBy(desc(mailOutbox.id)).limit(20);
  const showAddress = maySeeEmail(p);
  return {
    configured: !!row,
    host: row?.host ?? null,
    port: row?.port ?? null,
    secure: row?.secure ?? false,
    user: row?.username ?? null,
    from: row?.fromAddress ?? null,
    hasPassword: !!row?.password,
    recent: recent.map((m) => ({
      id: m.id,
      to: showAddress ? m.toAddress : (maskEmail(m.toAddress) ?? ''),
      subject: m.subject,
      state: m.state,
      attempts: m.attempts,
      lastError: m.lastError,
      sentAt: m.sentAt?.toISOString() ?? null,
      nextAttemptAt: m.nextAttemptAt.toISOString(),
    })),
  };
}

/** An admin sets the shop's SMTP server; the audit row records what changed, never the password. */
export async function saveMailSettings(deps: UseCaseDeps & { secrets: SecretBox }, p: Principal, shopId: string, input: MailSettingsBody): Promise<MailSettingsView> {
  assertShopAccess(p, shopId);
  requireRoleOf(p, 'admin');
  await deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select({ password: shopMailSettings.password }).from(shopMailSettings).where(eq(shopMailSettings.shopId, shopId));
    // The password is sealed at rest (secret-box.ts); one kept from before that was stored in
    // clear (before sealing existed) is sealed now.
    const kept = before?.password ? (isSealed(before.password) ? before.password : deps.secrets.seal(before.password)) : null;
    const password = input.password === undefined ? kept : input.password ? deps.secrets.seal(input.password) : null;
    const values = { host: input.host, port: input.port, secure: input.secure, username: input.user?.trim() || null, password, fromAddress: input.from, updatedAt: deps.now, updatedBy: p.agentId ?? null };
    await tx.insert(shopMailSettings).values({ shopId, ...values }).onConflictDoUpdate({ target: shopMailSettings.shopId, set: values });
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'settings.mail_server', subjectKind: 'shop', subjectId: shopId,
      data: { host: input.host, port: input.port, secure: input.secure, user: values.username, from: input.from, passwordChanged: input.password !== undefined },
    });
  });
  return mailSettings(deps.database, p, shopId);
}

// ---------------------------------------------------------------------------------------------
// Buyers' email addresses

/** An agent records (or removes, null) a buyer's email address; audited with the address masked. */
export async function setBuyerEmail(deps: UseCaseDeps, p: Principal, shopId: string, buyerId: string, email: string | null): Promise<BuyerEmailReply> {
  assertShopAccess(p, shopId);
  requireRoleOf(p, 'admin', 'supervisor', 'agent');
  const address = email?.trim().toLowerCase() || null;
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx.update(buyers).set({ email: address }).where(and(eq(buyers.id, buyerId), eq(buyers.shopId, shopId))).returning({ id: buyers.id });
    if (!row) throw new DxeError('NOT_FOUND', '没有这个买家');
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'buyer.email_set', subjectKind: 'buyer', subjectId: buyerId,
      data: { shopId, email: maskEmail(address) },
    });
  });
  return emailView(p, address);
}

/** A buyer's address as this principal may read it. */
export function emailView(p: Principal, email: string | null): BuyerEmailReply {
  if (!email) return { email: null, masked: false };
  return maySeeEmail(p) ? { email, masked: false } : { email: maskEmail(email), masked: true };
}

// ---------------------------------------------------------------------------------------------
// The mail sender (a step of the timer loop)

export interface MailSendResult {
  id: number;
  shopId: string;
  outcome: 'sent' | 'retry' | 'failed';
  error?: string;
}

/**
 * Sends the due re-visit mails once: claims up to `batch` rows (lease), sends each through the
 * shop's SMTP server, records sent, or the error with the next try (or failed after the last).
 * Never throws for a send: a server down, a refused address or a missing package is a row outcome.
 */
export async function sendDueMail(
  database: Database,
  opts: { now: Date; transport: MailTransportFactory; batch?: number; /** Opens the sealed SMTP password. */ secrets: SecretBox },
): Promise<MailSendResult[]> {
  const { now } = opts;
  const rule = mailRule();
  const claimed = (await database.db.execute(sql`
    update mail_outbox set next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
     where id in (select id from mail_outbox where state = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                   order by next_attempt_at limit ${opts.batch ?? 50} for update skip locked)
    returning id`)) as unknown;
  const ids = ((Array.isArray(claimed) ? claimed : ((claimed as { rows?: unknown[] }).rows ?? [])) as { id: number | string }[]).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const rows = await database.db.select().from(mailOutbox).where(sql`${mailOutbox.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  const servers = new Map<string, SmtpConfig | null>();
  const transports = new Map<string, MailTransport>();
  const out: MailSendResult[] = [];
  try {
    for (const row of rows) {
      let error: string | null = null;
      try {
        if (!servers.has(row.shopId)) {
          const [s] = await database.db.select().from(shopMailSettings).where(eq(shopMailSettings.shopId, row.shopId));
          // Cached before the password is opened: a password that does not open fails each of
          // the shop's rows with SECRET_UNREADABLE's words (kept for a retry), not the sweep.
          servers.set(row.shopId, s ? { host: s.host, port: s.port, secure: s.secure, user: s.username, password: s.password, from: s.fromAddress } : null);
        }
        const server = servers.get(row.shopId);
        if (!server) throw new DxeError('MAIL_FAILED', '店铺还没有配置发信服务器（SMTP）');
        let t = transports.get(row.shopId);
        if (!t) transports.set(row.shopId, (t = await opts.transport({ ...server, password: server.password === null ? null : opts.secrets.open(server.password) })));
        await t.send({ from: server.from, to: row.toAddress, subject: row.subject, text: row.body });
      } catch (err) {
        error = maskEmailsIn(String((err as Error)?.message ?? err)).slice(0, 300) || '发送失败';
      }
      const attempts = row.attempts + 1;
      if (error === null) {
        await database.db.update(mailOutbox).set({ state: 'sent', attempts, sentAt: now, lastError: null }).where(eq(mailOutbox.id, row.id));
        out.push({ id: row.id, shopId: row.shopId, outcome: 'sent' });
        continue;
      }
      const next = mailRetry(rule, attempts, now);
      await database.db
        .update(mailOutbox)
        .set({ state: next.state, attempts, lastError: error, ...(next.nextAt ? { nextAttemptAt: next.nextAt } : {}) })
        .where(eq(mailOutbox.id, row.id));
      out.push({ id: row.id, shopId: row.shopId, outcome: next.state === 'pending' ? 'retry' : 'failed', error });
    }
  } finally {
    for (const t of transports.values()) t.close();
  }
  return out;
}

/** Mails still to send (status, tests). */
export async function pendingMailCount(database: Database, now: Date): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(and(eq(mailOutbox.state, 'pending'), lte(mailOutbox.nextAttemptAt, now)));
  return Number(row?.n ?? 0);
}
