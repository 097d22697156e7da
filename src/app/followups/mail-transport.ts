// F4 老客回访 by mail: the port a re-visit mail leaves through, and its SMTP adapter, nodemailer
// (a well-kept SMTP client: STARTTLS, AUTH, RFC 2047 subjects). A failed send is an error the mail
// sender records on the row, which stays due for a retry (nothing crashes, nothing is dropped).
import nodemailer from 'nodemailer';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** The port: one SMTP connection's worth of sending. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
}

export type MailTransportFactory = (config: SmtpConfig) => Promise<MailTransport>;

/**
 * The SMTP adapter (nodemailer). Timeouts are short: the mail sender goes row by row and a server
 * that does not answer costs one retry, not the sweep. `allowSelfSigned` is for a test server or a
 * shop's own relay on its network; a public SMTP service needs none.
 */
export function smtpTransport(opts: { allowSelfSigned?: boolean } = {}): MailTransportFactory {
  return async (config) => {
    const t = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      ...(opts.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    });
    return {
      async send(mail) {
        const info = (await t.sendMail(mail)) as { messageId?: string };
        return { messageId: info.messageId ?? null };
      },
      close: () => t.close(),
    };
  };
}
