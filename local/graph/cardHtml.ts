import escapeHtml from 'escape-html';
import type { AdaptiveCard, CardElement, OpenUrlAction } from '../../shared/notify/teams/adaptiveCard';

/**
 * A plain, accessible HTML rendering of the card subset we send, for the dev mailbox. Every string
 * from the card is escaped: card text is text (Adaptive Cards never interpret HTML). Markdown in
 * TextBlocks is shown as typed, which is close enough for our fixed wording.
 */
export function cardToHtml(card: AdaptiveCard): string {
  const parts = card.body.map(elementHtml);
  if (card.actions?.length) parts.push(actionsHtml(card.actions));
  return `<div class="card" lang="${escapeHtml(card.lang ?? 'en-GB')}">\n${parts.join('\n')}\n</div>`;
}

function elementHtml(element: CardElement): string {
  switch (element.type) {
    case 'TextBlock': {
      const text = escapeHtml(element.text);
      if (element.style === 'heading') return `<h3>${text}</h3>`;
      return `<p${element.isSubtle ? ' class="hint"' : ''}>${element.weight === 'bolder' ? `<strong>${text}</strong>` : text}</p>`;
    }
    case 'RichTextBlock':
      return `<p>${element.inlines
        .map((r) => {
          const text = escapeHtml(r.text);
          const bold = r.weight === 'bolder' ? `<strong>${text}</strong>` : text;
          return r.italic ? `<em>${bold}</em>` : bold;
        })
        .join('')}</p>`;
    case 'FactSet':
      return `<dl>${element.facts.map((f) => `<dt>${escapeHtml(f.title)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'ActionSet':
      return actionsHtml(element.actions);
  }
}

/** OpenUrl buttons become links: the same destination, and link text that names it. */
function actionsHtml(actions: OpenUrlAction[]): string {
  return `<ul class="actions">${actions.map((a) => `<li><a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a></li>`).join('')}</ul>`;
}

/** The card as plain lines (for the mailbox tab's text and for tests). */
export function cardToText(card: AdaptiveCard): string {
  const lines: string[] = [];
  const actionLines = (actions: OpenUrlAction[]) => actions.forEach((a) => lines.push(`[${a.title}] ${a.url}`));
  for (const element of card.body) {
    if (element.type === 'TextBlock') lines.push(element.text);
    else if (element.type === 'RichTextBlock') lines.push(element.inlines.map((r) => r.text).join(''));
    else if (element.type === 'FactSet') element.facts.forEach((f) => lines.push(`${f.title}: ${f.value}`));
    else actionLines(element.actions);
  }
  if (card.actions) actionLines(card.actions);
  return lines.join('\n');
}

/** Every OpenUrl target of the card, in order. */
export function cardLinks(card: AdaptiveCard): OpenUrlAction[] {
  const fromBody = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
  return [...fromBody, ...(card.actions ?? [])];
}

/** The first line of text, used as the heading of the message in the mailbox. */
export function cardHeading(card: AdaptiveCard): string {
  const first = card.body.find((e) => e.type === 'TextBlock' || e.type === 'RichTextBlock');
  if (!first) return 'Adaptive Card';
  return first.type === 'TextBlock' ? first.text : first.type === 'RichTextBlock' ? first.inlines.map((r) => r.text).join('') : 'Adaptive Card';
}
