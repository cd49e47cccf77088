import escapeHtml from 'escape-html';
import { cardToHtml } from './cardHtml';
import type { StoredTeamsMessage } from './teamsStore';
import { PHONE_STYLE } from '../../shared/web/phoneStyle';

export const GRAPH_PREFIX = '/dev/graph';

const STYLE = `body{font-family:Arial,sans-serif;margin:2rem;max-width:48rem;line-height:1.5;color:#212b32}
a{color:#005eb8;text-decoration:underline}.hint{color:#4c6272}.card{border:1px solid #d8dde0;border-radius:4px;padding:1rem 1.5rem}
.actions{list-style:none;padding:0}.actions li{margin:.5rem 0}dt{font-weight:bold}`;

/** One Teams message as a page: the card rendered (escaped), or the activity notification's fields. */
export function teamsMessagePage(m: StoredTeamsMessage): string {
  const title = m.kind === 'chatMessage' ? `Card posted to chat ${m.chatId ?? ''}` : `Activity notification to ${m.userId ?? ''}`;
  const content = m.card
    ? cardToHtml(m.card)
    : `<pre>${escapeHtml(JSON.stringify(m.body, null, 2))}</pre>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}: Graph stand-in</title><style>${STYLE}${PHONE_STYLE}</style></head>
<body><main>
<p><a href="/dev/mailbox?tab=teams">Back to the Teams tab of the dev mailbox</a></p>
<h1>${escapeHtml(title)}</h1>
<p class="hint">Received ${escapeHtml(m.receivedAt)}</p>
<h2>${m.card ? 'The card' : 'The notification'}</h2>
${content}
</main></body></html>`;
}
