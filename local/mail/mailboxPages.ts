import { devPage, escapeHtml as e, listTable } from '../server/devPage';
import type { StoredMessage } from './mailStore';
import type { MailboxTabItem } from './mailboxTabs';

export const MAILBOX_PATH = '/dev/mailbox';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' });
const when = (iso: string): string => `<time datetime="${e(iso)}">${e(dateTime.format(new Date(iso)))} UTC</time>`;

// Mailbox-only rules on top of the shared dev-page look.
const MAILBOX_STYLE = `
nav ul{list-style:none;padding:0;display:flex;gap:1.5rem}nav a[aria-current=page]{font-weight:bold;color:#212b32}
button{font:inherit;padding:.5rem 1rem;border:2px solid #d5281b;background:#fff;color:#d5281b;border-radius:4px;cursor:pointer}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f4f5;padding:1rem;border-left:4px solid #4c6272}
iframe{width:100%;height:40rem;border:1px solid #4c6272;background:#fff}
article{border-top:1px solid #d8dde0;padding:.5rem 0}
`;

const page = (title: string, body: string): string => devPage(title, body, { extraStyle: MAILBOX_STYLE });

export interface TabLink {
  id: string;
  label: string;
  count: number;
}

function tabNav(tabs: TabLink[], current: string): string {
  const items = tabs.map((t) => {
    const href = t.id === 'email' ? MAILBOX_PATH : `${MAILBOX_PATH}?tab=${encodeURIComponent(t.id)}`;
    const currentAttr = t.id === current ? ' aria-current="page"' : '';
    return `<li><a href="${e(href)}"${currentAttr}>${e(t.label)} (${t.count})</a></li>`;
  });
  return `<nav aria-label="Channels"><ul>${items.join('')}</ul></nav>`;
}

const intro = (smtpAddress: string): string =>
  `<h1>Dev mailbox</h1>
<p>Everything the app sends by email to <code>${e(smtpAddress)}</code>, newest first. Nothing leaves this computer.</p>`;

export function emailListPage(messages: StoredMessage[], tabs: TabLink[], smtpAddress: string): string {
  const rows = messages.map(
    (m) => `<tr><td>${when(m.date)}</td><td>${e(m.to.join(', '))}</td><td><a href="${MAILBOX_PATH}/messages/${m.id}">${e(m.subject || '(no subject)')}</a></td></tr>`,
  );
  const list =
    messages.length === 0
      ? '<p>No email messages yet. They appear here as soon as the app sends one.</p>'
      : `${listTable('Email messages, newest first', ['Received', 'To', 'Subject (opens the message)'], rows)}
<form method="post" action="${MAILBOX_PATH}/messages/clear"><p><button type="submit">Delete all email messages</button></p></form>`;
  return page(
    `Dev mailbox: ${messages.length} email ${messages.length === 1 ? 'message' : 'messages'}`,
    `${intro(smtpAddress)}
${tabNav(tabs, 'email')}
<h2>Email</h2>
${list}
<p class="hint">For scripts and tests: <a href="${MAILBOX_PATH}/messages.json">all email messages as JSON</a>.</p>`,
  );
}

export function tabPage(label: string, id: string, items: MailboxTabItem[], tabs: TabLink[], smtpAddress: string): string {
  const articles = items
    .map(
      (item) => `<article>
<h3>${e(item.heading)}</h3>
<p class="hint">${when(item.date)}, to ${e(item.to)}</p>
<pre>${e(item.text)}</pre>
${item.links.length ? `<ul>${item.links.map((l) => `<li><a href="${e(l.url)}">${e(l.label)}</a></li>`).join('')}</ul>` : ''}
</article>`,
    )
    .join('\n');
  return page(
    `Dev mailbox: ${label}`,
    `${intro(smtpAddress)}
${tabNav(tabs, id)}
<h2>${e(label)}</h2>
${items.length ? articles : `<p>No ${e(label)} messages yet.</p>`}`,
  );
}

export function messagePage(m: StoredMessage): string {
  const subject = m.subject || '(no subject)';
  const links = m.links.length
    ? `<ul>${m.links.map((l) => `<li><a href="${e(l)}">${e(l)}</a></li>`).join('\n')}</ul>`
    : '<p>This message has no links.</p>';
  // The stored HTML is shown only inside a sandboxed frame: no scripts, no same-origin access;
  // links may open the top window when clicked (body.html sets <base target="_top">).
  const htmlBody = m.html
    ? `<iframe src="${MAILBOX_PATH}/messages/${m.id}/body.html" title="HTML body of the message: ${e(subject)}" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"></iframe>`
    : '<p>This message has no HTML body.</p>';
  return page(
    `${subject}: dev mailbox`,
    `<p><a href="${MAILBOX_PATH}">Back to all messages in the dev mailbox</a></p>
<h1>${e(subject)}</h1>
<dl>
<dt>From</dt><dd>${e(m.from)}</dd>
<dt>To</dt><dd>${e(m.to.join(', '))}</dd>
<dt>Received</dt><dd>${when(m.date)}</dd>
<dt>Date header</dt><dd>${m.headerDate ? when(m.headerDate) : 'none'}</dd>
<dt>Message-ID</dt><dd><code>${e(m.messageId ?? 'none')}</code></dd>
</dl>
<h2>Links in this message</h2>
${links}
<h2>HTML body</h2>
${htmlBody}
<h2>Plain-text body</h2>
<pre>${e(m.text)}</pre>
<p><a href="${MAILBOX_PATH}/messages/${m.id}/raw.eml">Download the raw message (.eml file)</a></p>`,
  );
}

/** The stored HTML, made to open links in the top window instead of inside the frame. */
export function framedBody(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
}

export function notFoundPage(what: string): string {
  return page('Not found: dev mailbox', `<h1>Not found</h1><p>${e(what)}</p><p><a href="${MAILBOX_PATH}">Go to the dev mailbox</a></p>`);
}
