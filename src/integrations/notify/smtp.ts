/** E-mail over SMTP with nodemailer (SPEC §9): one connection for the messages of a delivery round. */
import nodemailer from 'nodemailer';

export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailOutcome {
  ok: boolean;
  /** The SMTP reply code of a refusal (550 …), when there was one. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Mailer {
  send(mail: Mail): Promise<MailOutcome>;
  close(): void;
}

const TIMEOUT_MS = 10_000;

export function openMailer(server: SmtpServer): Mailer {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: server.user ? { user: server.user, pass: server.password ?? '' } : undefined,
    pool: true,
    maxConnections: 1,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(mail) {
      const started = performance.now();
      try {
        await transport.sendMail({ from: server.from, ...mail });
        return { ok: true, statusCode: null, error: null, durationMs: performance.now() - started };
      } catch (error) {
        const e = error as { responseCode?: number; message?: string };
        return {
          ok: false,
          statusCode: typeof e.responseCode === 'number' ? e.responseCode : null,
          error: e.message ?? String(error),
          durationMs: performance.now() - started,
        };
      }
    },
    close() {
      transport.close();
    },
  };
}
