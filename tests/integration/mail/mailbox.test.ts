import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { SystemClock } from '../../../local/clock/systemClock';
import { createMailSink } from '../../../local/mail';
import { newDataDir, startSink, type RunningSink } from './sinkHarness';

/** Sends one message straight through nodemailer, as the app's transport does. */
async function sendRaw(running: RunningSink, message: { subject: string; html?: string; text: string; to?: string }): Promise<void> {
  const settings = running.settings();
  const transport = nodemailer.createTransport({ host: settings.host, port: settings.port, secure: false });
  await transport.sendMail({ from: 'ai-governance@example.nhs.uk', to: message.to ?? 'approver@example.nhs.uk', ...message });
  transport.close();
}

describe('dev mailbox', () => {
  let running: RunningSink;
  beforeEach(async () => {
    running = await startSink();
  });
  afterEach(() => running.stop({ removeData: true }));

  it('lists messages newest first in messages.json, with links from the HTML and the text', async () => {
    await sendRaw(running, { subject: 'First', text: 'See https://example.org/one.', to: 'a@example.nhs.uk' });
    await sendRaw(running, {
      subject: 'Second',
      html: '<p><a href="https://example.org/two?a=1&amp;b=2">Open the page</a> <a href="#top">top</a></p>',
      text: 'Open the page: https://example.org/two?a=1&b=2 and https://example.org/three',
    });

    const response = await running.get('/dev/mailbox/messages.json');
    const messages = (await response.json()) as Array<Record<string, unknown>>;

    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(messages.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(Object.keys(messages[0]).sort()).toEqual(['date', 'from', 'headerDate', 'html', 'id', 'links', 'messageId', 'subject', 'text', 'to']);
    expect(messages[0]).toMatchObject({
      to: ['approver@example.nhs.uk'],
      links: ['https://example.org/two?a=1&b=2', 'https://example.org/three'],
      text: 'Open the page: https://example.org/two?a=1&b=2 and https://example.org/three',
    });
    expect(messages[0].html).toContain('Open the page');
    expect(messages[0].messageId).toMatch(/^<.+>$/);
    expect(new Date(messages[0].date as string).toISOString()).toBe(messages[0].date);
    expect(messages[1]).toMatchObject({ to: ['a@example.nhs.uk'], links: ['https://example.org/one'], html: null });
  });

  it('empties with DELETE /dev/mailbox/messages', async () => {
    await sendRaw(running, { subject: 'Gone soon', text: 'x' });

    const response = await fetch(`${running.origin}/dev/mailbox/messages`, { method: 'DELETE' });

    expect(await response.json()).toEqual({ deleted: 1 });
    expect(await running.messages()).toEqual([]);
  });

  it('keeps messages across a restart on the same data folder', async () => {
    await sendRaw(running, { subject: 'Before the restart', text: 'https://example.org/kept' });
    await running.stop();

    running = await startSink(running.dataDir);
    await sendRaw(running, { subject: 'After the restart', text: 'x' });

    expect((await running.messages()).map((m) => [m.subject, m.links])).toEqual([
      ['After the restart', []],
      ['Before the restart', ['https://example.org/kept']],
    ]);
  });

  it('shows a list page people can read, with every message escaped', async () => {
    await sendRaw(running, { subject: 'Notes <script>alert(1)</script> & more', text: 'x', to: 'lead@example.nhs.uk' });

    const response = await running.get('/dev/mailbox');
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<h1>Dev mailbox</h1>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<a href="/dev/mailbox/messages/1">Notes &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</a>');
    expect(page).toContain('lead@example.nhs.uk');
    expect(page).toContain('<a href="/dev/mailbox" aria-current="page">Email (1)</a>');
  });

  it('shows one message with clickable links and its HTML body in a sandboxed frame', async () => {
    await sendRaw(running, {
      subject: 'Decision needed',
      html: '<html><head><title>x</title></head><body><p>Hi</p><script>alert(1)</script><a href="http://localhost:7071/api/decide?t=1">Open the decision page</a></body></html>',
      text: 'Open the decision page: http://localhost:7071/api/decide?t=1',
    });

    const page = await (await running.get('/dev/mailbox/messages/1')).text();
    const body = await running.get('/dev/mailbox/messages/1/body.html');

    expect(page).toContain('<h1>Decision needed</h1>');
    expect(page).toContain('<a href="http://localhost:7071/api/decide?t=1">http://localhost:7071/api/decide?t=1</a>');
    expect(page).toMatch(/<iframe src="\/dev\/mailbox\/messages\/1\/body.html" title="HTML body of the message: Decision needed" sandbox="[^"]*"/);
    expect(page).not.toMatch(/sandbox="[^"]*allow-scripts/);
    expect(page).not.toContain('<script>');
    expect(body.headers.get('content-security-policy')).toMatch(/^sandbox /);
    expect(await body.text()).toContain('<head><base target="_top"><title>');
  });

  it('answers unknown messages and paths with 404 and wrong methods with 405', async () => {
    expect((await running.get('/dev/mailbox/messages/99')).status).toBe(404);
    expect((await running.get('/dev/mailbox/nothing')).status).toBe(404);
    const wrong = await fetch(`${running.origin}/dev/mailbox/messages.json`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('clears from the page form, and refuses a form posted from another site', async () => {
    await sendRaw(running, { subject: 'One', text: 'x' });

    const foreign = await fetch(`${running.origin}/dev/mailbox/messages/clear`, { method: 'POST', headers: { origin: 'https://evil.example' }, redirect: 'manual' });
    expect(foreign.status).toBe(403);
    expect(await running.messages()).toHaveLength(1);

    const own = await fetch(`${running.origin}/dev/mailbox/messages/clear`, { method: 'POST', headers: { origin: running.origin }, redirect: 'manual' });
    expect(own.status).toBe(303);
    expect(own.headers.get('location')).toBe('/dev/mailbox');
    expect(await running.messages()).toHaveLength(0);
  });

  it('links the mailbox and the SMTP address for the index page', () => {
    const port = running.sink.appSettings!().SMTP_PORT;
    expect(running.sink.links!()).toEqual([
      { label: 'Dev mailbox', url: `${running.origin}/dev/mailbox` },
      { label: 'SMTP sink', url: `smtp://127.0.0.1:${port}` },
    ]);
  });
});

describe('dev mailbox tabs for other channels', () => {
  it('shows a tab fed by a provider, with its items escaped', async () => {
    const running = await startSink(undefined, [
      {
        id: 'teams',
        label: 'Teams',
        items: () => [
          {
            heading: 'Decision needed <b>now</b>',
            date: '2026-11-25T10:00:00.000Z',
            to: 'approver@example.nhs.uk',
            text: 'Please decide',
            links: [{ label: 'Open the decision page', url: 'http://localhost:7071/api/decide?t=1&x=2' }],
          },
        ],
      },
    ]);
    try {
      const list = await (await running.get('/dev/mailbox')).text();
      const tab = await (await running.get('/dev/mailbox?tab=teams')).text();

      expect(list).toContain('<a href="/dev/mailbox?tab=teams">Teams (1)</a>');
      expect(tab).toContain('<a href="/dev/mailbox?tab=teams" aria-current="page">Teams (1)</a>');
      expect(tab).toContain('<h3>Decision needed &lt;b&gt;now&lt;/b&gt;</h3>');
      expect(tab).toContain('<a href="http://localhost:7071/api/decide?t=1&amp;x=2">Open the decision page</a>');
    } finally {
      await running.stop({ removeData: true });
    }
  });
});

describe('mail sink idleness', () => {
  /** A hand-driven SMTP client, so the test can stop between MAIL FROM and the end of the message. */
  function smtpClient(port: number) {
    const socket: Socket = connect(port, '127.0.0.1');
    let buffer = '';
    const waiting: Array<(line: string) => void> = [];
    socket.on('data', (d: Buffer) => {
      buffer += d.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        // Multi-line replies ("250-...") end with a line whose code is followed by a space.
        if (/^\d{3} /.test(line)) waiting.shift()?.(line);
      }
    });
    const reply = (): Promise<string> => new Promise((resolve) => waiting.push(resolve));
    const command = (text: string): Promise<string> => {
      const answer = reply();
      socket.write(`${text}\r\n`);
      return answer;
    };
    return { greeting: reply(), command, end: () => socket.end() };
  }

  const state = (p: Promise<void>): Promise<string> =>
    Promise.race([p.then(() => 'idle'), new Promise<string>((resolve) => setImmediate(() => resolve('busy')))]);

  it('is busy from MAIL FROM until the message is stored, then idle', async () => {
    const running = await startSink();
    try {
      const client = smtpClient(running.settings().port);
      await client.greeting;
      await client.command('EHLO test');
      expect(await state(running.sink.whenIdle!())).toBe('idle');

      await client.command('MAIL FROM:<ai-governance@example.nhs.uk>');
      await client.command('RCPT TO:<approver@example.nhs.uk>');
      const idle = running.sink.whenIdle!();
      expect(await state(idle)).toBe('busy');

      await client.command('DATA');
      expect(await client.command('Subject: By hand\r\n\r\nHello\r\n.')).toMatch(/^250 /);
      await idle;
      expect((await running.messages()).map((m) => m.subject)).toEqual(['By hand']);
      await client.command('QUIT');
      client.end();
    } finally {
      await running.stop({ removeData: true });
    }
  });
});

describe('mail sink ports', () => {
  const ctx = (dataDir: string) => ({ origin: 'http://localhost:1', port: 1, dataDir, clock: new SystemClock(), log: () => undefined });

  it('asks to wait for the port before handing out settings when the port is chosen by the system', async () => {
    const dataDir = newDataDir();
    const sink = createMailSink(ctx(dataDir), { smtpPort: 0 });
    try {
      expect(() => sink.appSettings!()).toThrow(/await sink.listening/);
      const port = await sink.listening;
      expect(sink.appSettings!().SMTP_PORT).toBe(String(port));
    } finally {
      await sink.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says which port is taken and how to pick another', async () => {
    const running = await startSink();
    const dataDir = newDataDir();
    const clash = createMailSink(ctx(dataDir), { smtpPort: running.settings().port });
    try {
      await expect(clash.start!()).rejects.toThrow(`SMTP port ${running.settings().port} is in use. Pick another with --smtp-port or SMTP_SINK_PORT.`);
    } finally {
      await clash.close();
      await running.stop({ removeData: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
