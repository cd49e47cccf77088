import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface SmtpSinkOptions {
  port: number;
  host: string;
  /** Stores one received message; the SMTP reply waits for it, so a sender's "sent" means "stored". */
  onMessage(raw: Buffer, envelope: SMTPServerEnvelope): Promise<void>;
  log(message: string): void;
  /**
   * Off unless given (the production rehearsal): what a relay such as NHSmail enforces. STARTTLS
   * with TLS 1.2 or later on this certificate, sign-in required before MAIL FROM, XOAUTH2 only, and
   * the token checked by `verifyToken` (undefined when accepted, else why not).
   */
  enforce?: { key: string | Buffer; cert: string | Buffer; verifyToken(user: string, accessToken: string): string | undefined };
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
 * SMTP_REQUIRE_TLS=false says so, and is refused for any other host). `enforce` turns that off.
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

  const enforce = options.enforce;
  const server = new SMTPServer({
    banner: 'AI governance local mail sink: nothing leaves this computer',
    ...(enforce
      ? { authOptional: false, allowInsecureAuth: false, authMethods: ['XOAUTH2'], key: enforce.key, cert: enforce.cert, minVersion: 'TLSv1.2' }
      : { authOptional: true, allowInsecureAuth: true, disabledCommands: ['STARTTLS'], authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'] }),
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1000,
    onAuth: (auth, _session, callback) => {
      if (!enforce) return callback(null, { user: auth.username ?? 'local' });
      const refused = auth.method === 'XOAUTH2' ? enforce.verifyToken(auth.username ?? '', auth.accessToken ?? '') : 'only XOAUTH2 is accepted';
      if (refused) {
        options.log(`mail sink: sign-in refused: ${refused}`);
        return callback(Object.assign(new Error(`5.7.3 Authentication unsuccessful: ${refused}`), { responseCode: 535 }));
      }
      return callback(null, { user: auth.username });
    },
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
