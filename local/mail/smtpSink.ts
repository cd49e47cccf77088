import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface SmtpSinkOptions {
  port: number;
  host: string;
  /** Stores one received message; the SMTP reply waits for it, so a sender's "sent" means "stored". */
  onMessage(raw: Buffer, envelope: SMTPServerEnvelope): Promise<void>;
  log(message: string): void;
}

export interface SmtpSink {
  /** Resolves with the bound port (useful when asked for port 0). */
  readonly listening: Promise<number>;
  port(): number | undefined;
  /** Resolves when no session is between MAIL FROM and the end of its message. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A local SMTP server that accepts everything: any sender, any recipient, any credentials (so the
 * OAuth2 and password paths of the transport can run against it), no TLS (the app setting
 * SMTP_REQUIRE_TLS=false says so, and is refused for any other host).
 */
export function startSmtpSink(options: SmtpSinkOptions): SmtpSink {
  const busy = new Set<string>();
  let idleWaiters: Array<() => void> = [];
  const settle = (sessionId: string): void => {
    busy.delete(sessionId);
    if (busy.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  };

  const server = new SMTPServer({
    banner: 'AI governance local mail sink: nothing leaves this computer',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'local' }),
    onMailFrom: (_address, session, callback) => {
      busy.add(session.id);
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          settle(session.id);
          return callback(Object.assign(new Error(`Message is larger than ${MAX_MESSAGE_BYTES} bytes`), { responseCode: 552 }));
        }
        options
          .onMessage(Buffer.concat(chunks), session.envelope)
          .then(() => callback(null, 'Stored in the dev mailbox'))
          .catch((err: unknown) => {
            options.log(`mail sink: could not store a message: ${err instanceof Error ? err.message : String(err)}`);
            callback(Object.assign(new Error('Could not store the message'), { responseCode: 451 }));
          })
          .finally(() => settle(session.id));
      });
    },
    onClose: (session) => settle(session.id),
  });
  server.on('error', (err) => options.log(`mail sink: ${err.message}`));

  const listening = new Promise<number>((resolve, reject) => {
    server.server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`SMTP port ${options.port} is in use. Pick another with --smtp-port or SMTP_SINK_PORT.`)
          : err,
      );
    });
    server.listen(options.port, options.host, () => resolve((server.server.address() as AddressInfo).port));
  });
  // The owner awaits `listening`; this only stops an unawaited failure from crashing the process.
  listening.catch(() => undefined);

  let closed: Promise<void> | undefined;
  return {
    listening,
    port: () => (server.server.address() as AddressInfo | null)?.port,
    whenIdle: () => (busy.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close: () => (closed ??= new Promise<void>((resolve) => (server.server.listening ? server.close(() => resolve()) : resolve()))),
  };
}
