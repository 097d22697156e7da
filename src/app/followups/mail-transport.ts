// F4 老客回访 by mail: the port a re-visit mail leaves through, and its SMTP adapter. The adapter
// is nodemailer (a well-kept SMTP client: STARTTLS, AUTH, pooling, RFC 2047 subjects), loaded when
// the first mail is sent; without the package installed a send fails with a Chinese error the mail
// sender records on the row, which stays due for a retry (nothing crashes, nothing is dropped).
import { DxeError } from '../../core/errors.js';

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

/** What the adapter uses of nodemailer (its documented createTransport / sendMail / close). */
interface NodemailerLike {
  createTransport(options: {
    host: string;
    port: number;
    secure: boolean;
    auth?: { user: string; pass: string };
    connectionTimeout?: number;
    greetingTimeout?: number;
    socketTimeout?: number;
    tls?: { rejectUnauthorized?: boolean };
  }): { sendMail(m: OutgoingMail): Promise<{ messageId?: string }>; close(): void };
}

let loaded: Promise<NodemailerLike> | null = null;

async function loadNodemailer(): Promise<NodemailerLike> {
  // A variable specifier: the package is optional until it is added to package.json.
  const name = 'nodemailer';
  loaded ??= import(name).then(
    (m: { default?: NodemailerLike } & Partial<NodemailerLike>) => (m.default ?? (m as NodemailerLike)),
    (err: unknown) => {
      loaded = null;
      throw new DxeError('MAIL_FAILED', `未安装发信组件 nodemailer，邮件暂不能发送（${String((err as Error)?.message ?? err).slice(0, 80)}）`);
    },
  );
  return loaded;
}

/**
 * The SMTP adapter (nodemailer). Timeouts are short: the mail sender goes row by row and a server
 * that does not answer costs one retry, not the sweep. `allowSelfSigned` is for a test server or a
 * shop's own relay on its network; a public SMTP service needs none.
 */
export function smtpTransport(opts: { allowSelfSigned?: boolean } = {}): MailTransportFactory {
  return async (config) => {
    const nodemailer = await loadNodemailer();
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
        const info = await t.sendMail(mail);
        return { messageId: info.messageId ?? null };
      },
      close: () => t.close(),
    };
  };
}
