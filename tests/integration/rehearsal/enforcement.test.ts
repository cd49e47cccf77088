import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SystemClock } from '../../../local/clock/systemClock';
import { startSmtpSink, type SmtpSink } from '../../../local/mail/smtpSink';
import { localCertificate } from '../../../local/rehearsal/certificate';
import { graphGate, GRAPH_AUDIENCE, MAIL_AUDIENCE, sharePointGate, smtpTokenCheck } from '../../../local/rehearsal/gates';
import { TokenAuthority } from '../../../local/rehearsal/tokens';
import type { RuntimeContext } from '../../../local/server/localService';
import { createSharePointEmulator, type SharePointEmulator } from '../../../local/sharepoint';

// The stand-ins with their token checks switched on, as the rehearsal runs them, against real clients:
// nodemailer for SMTP, fetch for SharePoint REST. Switched off (npm start, the other tests) they accept anyone.
const APP = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const READER = 'aaaaaaaa-0000-0000-0000-000000000001';
const authority = new TokenAuthority();

describe('SMTP sink enforcing STARTTLS and XOAUTH2', () => {
  const { key, cert } = localCertificate();
  const received: string[] = [];
  let sink: SmtpSink;
  let port: number;
  beforeAll(async () => {
    sink = startSmtpSink({
      port: 0,
      host: '127.0.0.1',
      log: () => undefined,
      onMessage: (raw) => Promise.resolve(void received.push(raw.toString('utf8'))),
      enforce: { key, cert, verifyToken: smtpTokenCheck(authority, ['ai.governance@nhs.net']) },
    });
    port = await sink.listening;
  });
  afterAll(() => sink.close());

  const send = (options: Record<string, unknown>) =>
    nodemailer
      .createTransport({ host: 'localhost', port, requireTLS: true, tls: { ca: cert, minVersion: 'TLSv1.2' }, ...options })
      .sendMail({ from: 'ai.governance@nhs.net', to: 'someone@nhs.net', subject: 'rehearsal', text: 'hello' });
  const token = (aud: string, roles: string[]) => authority.issue({ aud, appid: APP, roles }).token;

  it('accepts a message after STARTTLS and XOAUTH2 with a mail token for the app’s mailbox', async () => {
    const info = await send({ auth: { type: 'OAuth2', user: 'ai.governance@nhs.net', accessToken: token(MAIL_AUDIENCE, ['SMTP.SendAsApp']) } });
    expect(info.accepted).toEqual(['someone@nhs.net']);
    expect(received.at(-1)).toContain('Subject: rehearsal');
  });

  it('refuses a token for another audience, one without SMTP.SendAsApp, another mailbox, and no sign-in', async () => {
    await expect(send({ auth: { type: 'OAuth2', user: 'ai.governance@nhs.net', accessToken: token(GRAPH_AUDIENCE, ['SMTP.SendAsApp']) } })).rejects.toMatchObject({ responseCode: 535 });
    await expect(send({ auth: { type: 'OAuth2', user: 'ai.governance@nhs.net', accessToken: token(MAIL_AUDIENCE, []) } })).rejects.toMatchObject({ responseCode: 535 });
    await expect(send({ auth: { type: 'OAuth2', user: 'ceo@nhs.net', accessToken: token(MAIL_AUDIENCE, ['SMTP.SendAsApp']) } })).rejects.toMatchObject({ responseCode: 535 });
    await expect(send({ auth: { user: 'ai.governance@nhs.net', pass: 'password' } })).rejects.toThrow();
    await expect(send({})).rejects.toMatchObject({ responseCode: 530 });
  });

  it('refuses to sign in without TLS, and a client that does not trust the certificate cannot connect', async () => {
    const plain = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true, auth: { type: 'OAuth2', user: 'ai.governance@nhs.net', accessToken: token(MAIL_AUDIENCE, ['SMTP.SendAsApp']) } });
    await expect(plain.sendMail({ from: 'ai.governance@nhs.net', to: 'x@nhs.net', text: 'x' })).rejects.toThrow();
    await expect(send({ tls: { minVersion: 'TLSv1.2' } })).rejects.toThrow(/self.signed|certificate/i);
  });
});

describe('SharePoint emulator enforcing Sites.Selected', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-sp-gate-'));
  let server: Server;
  let sp: SharePointEmulator;
  let origin = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = sp.routes?.find((r) => (req.url ?? '').startsWith(r.prefix));
      if (route) void route.handle(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ctx: RuntimeContext = { origin, port: 0, dataDir, clock: new SystemClock(), log: () => undefined };
    sp = createSharePointEmulator(ctx, { authorize: sharePointGate(authority, origin, { [APP]: 'write', [READER]: 'read' }) });
  });
  afterAll(async () => {
    await sp.close();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, bearer?: string, body?: string) =>
    fetch(`${origin}/sites/aigov/_api${path}`, {
      method,
      body,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    });
  const spToken = (appid: string, roles = ['Sites.Selected'], aud = origin) => authority.issue({ aud, appid, roles }).token;

  it('answers only a SharePoint token with Sites.Selected and a site permission, writes only with write', async () => {
    expect((await call('GET', '/web')).status).toBe(401);
    expect((await call('GET', '/web', spToken(APP, ['Sites.Selected'], GRAPH_AUDIENCE))).status).toBe(401);
    expect((await call('GET', '/web', spToken(APP, []))).status).toBe(403);
    expect((await call('GET', '/web', spToken('someone-else'))).status).toBe(403);
    expect((await call('GET', '/web', spToken(READER))).status).toBe(200);
    expect((await call('GET', '/web', spToken(APP))).status).toBe(200);
    const list = JSON.stringify({ Title: 'Gate test', BaseTemplate: 100 });
    expect((await call('POST', '/web/lists', spToken(READER), list)).status).toBe(403);
    expect((await call('POST', '/web/lists', spToken(APP), list)).status).toBeLessThan(300);
  });
});

describe('Graph gate', () => {
  it('wants a Graph token carrying TeamsActivity.Send', () => {
    const gate = graphGate(authority);
    expect(gate(undefined, true)).toMatchObject({ ok: false, status: 401 });
    expect(gate(`Bearer ${authority.issue({ aud: MAIL_AUDIENCE, appid: APP, roles: ['TeamsActivity.Send'] }).token}`, true)).toMatchObject({ status: 401 });
    expect(gate(`Bearer ${authority.issue({ aud: GRAPH_AUDIENCE, appid: APP }).token}`, true)).toMatchObject({ status: 403 });
    expect(gate(`Bearer ${authority.issue({ aud: GRAPH_AUDIENCE, appid: APP, roles: ['TeamsActivity.Send'] }).token}`, true)).toEqual({ ok: true });
  });
});
