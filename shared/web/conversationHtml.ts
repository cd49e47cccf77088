import { STEP_NAMES, type Route } from '../domain';
import type { ConversationEntry } from '../requests/conversation';
import { escapeHtml as e } from './page';

export const dayAndTime = (iso: string): string =>
  iso ? new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) : 'an earlier date';

/** Who asked, in words: the step's role on the route, or the step's name. */
export function askerOf(route: Route | null | undefined, stepCode: string): string {
  const step = route?.stages.flat().find((s) => s.code === stepCode);
  return step?.role ?? STEP_NAMES[stepCode as keyof typeof STEP_NAMES] ?? 'A reviewer';
}

/** Each changed answer, what it was and what it is now. */
export function changesHtml(changes: { label: string; before: string; after: string }[]): string {
  if (changes.length === 0) return '<p>No answers were changed.</p>';
  const rows = changes.map((c) => `<li><strong>${e(c.label)}</strong><br>Before: ${e(c.before)}<br>After: ${e(c.after)}</li>`);
  return `<ul class="changes">${rows.join('')}</ul>`;
}

/** The questions and replies on a request, oldest first (the request page and the reply page). */
export function conversationHtml(entries: ConversationEntry[], route: Route | null | undefined): string {
  if (entries.length === 0) return '<p>No reviewer has asked for more information.</p>';
  const items = entries.map((x) => {
    const asked = `<p><strong>${e(askerOf(route, x.stepCode))}</strong> asked on <time datetime="${e(x.askedAt)}">${e(dayAndTime(x.askedAt))}</time>:</p><blockquote>${e(x.question || 'No question was written.')}</blockquote>`;
    const replied = x.reply
      ? `<p><strong>The requester</strong> replied on <time datetime="${e(x.reply.at)}">${e(dayAndTime(x.reply.at))}</time>:</p><blockquote>${e(x.reply.text || 'No written reply: answers were changed only.')}</blockquote><p>Changed answers:</p>${changesHtml(x.reply.changes)}`
      : '<p>Waiting for the requester to reply.</p>';
    return `<li>${asked}${replied}</li>`;
  });
  return `<ol class="thread">${items.join('')}</ol>`;
}
