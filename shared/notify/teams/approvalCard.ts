import type { Block, EmailDocument } from '../email/document';
import { ADAPTIVE_CARD_SCHEMA_URL, ADAPTIVE_CARD_VERSION, AdaptiveCardSchema, type AdaptiveCard, type CardElement, type TextRun } from './adaptiveCard';

/** As the email footer, less "replies are not read" (a card has nobody to reply to). */
export const CARD_FOOTER =
  'This message comes from the artificial intelligence governance workflow. ' +
  'It holds no patient or personal information: the details are on the linked page, where you sign in with your organisation account.';

/** The card of a re-review, which quotes the question and the reply (see QUOTING_FOOTER). */
export const QUOTING_CARD_FOOTER =
  'This message comes from the artificial intelligence governance workflow. ' +
  'It quotes the reviewer’s question, the requester’s reply and the answers that changed, which may hold personal information. ' +
  'The rest of the request is on the linked page, where you sign in with your organisation account.';

const run = (text: string, extra: Partial<TextRun> = {}): TextRun => ({ type: 'TextRun', text, ...extra });
const richText = (...inlines: TextRun[]): CardElement => ({ type: 'RichTextBlock', inlines });

/**
 * The Adaptive Card (version 1.5) for one message outline.
 *
 * Caller text (titles, step names, reasons) goes only into RichTextBlock/TextRun, which Teams
 * never reads as markdown, so a title such as `<b>x</b> & [link](…)` shows exactly as typed; HTML is
 * not interpreted by Adaptive Cards at all, so nothing is HTML-escaped here (that would show
 * `&amp;`). TextBlock (markdown) carries only our fixed wording. Buttons are Action.OpenUrl to our
 * pages: the decision page's GET only shows a confirmation, so opening the link decides nothing.
 */
export function approvalCard(doc: EmailDocument): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA_URL,
    version: ADAPTIVE_CARD_VERSION,
    lang: 'en-GB',
    fallbackText: doc.subject,
    msteams: { width: 'Full' },
    body: [richText(run(doc.heading, { size: 'large', weight: 'bolder' })), ...doc.blocks.flatMap(elementsFor), {
      type: 'TextBlock',
      text: doc.quotesReply ? QUOTING_CARD_FOOTER : CARD_FOOTER,
      wrap: true,
      isSubtle: true,
      size: 'small',
      separator: true,
      spacing: 'large',
    }],
  };
  // Checked here too, so a card outside our schema fails in our code with a clear message, not at Graph.
  return AdaptiveCardSchema.parse(card);
}

function elementsFor(block: Block): CardElement[] {
  switch (block.kind) {
    case 'paragraph':
      return [richText(run(block.text))];
    case 'facts':
      // Label and value as runs rather than a FactSet: FactSet values are markdown in Teams.
      return [
        { type: 'TextBlock', text: block.caption, weight: 'bolder', wrap: true, spacing: 'medium' },
        ...block.rows.map(([label, value]) => richText(run(`${label}: `, { weight: 'bolder' }), run(value))),
      ];
    case 'action':
      return [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: block.link.label, url: block.link.url, style: 'positive', tooltip: block.link.label }] }];
    case 'link':
      return [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: block.link.label, url: block.link.url, tooltip: block.link.label }] }];
    case 'bullets':
      return block.items.map((item) => richText(run(`• ${item}`)));
    case 'section':
      // Only the weekly digest has sections, and it is not sent through Teams (see documents.ts).
      throw new Error('Sections (weekly digest) are email only: they do not fit a Teams card.');
  }
}

/** The links of an outline, the main action first: the activity feed opens the first. */
export function primaryLink(doc: EmailDocument): { label: string; url: string } {
  const action = doc.blocks.find((b) => b.kind === 'action') ?? doc.blocks.find((b) => b.kind === 'link');
  if (!action || (action.kind !== 'action' && action.kind !== 'link')) {
    throw new Error(`The message "${doc.subject}" has no link, so a Teams notification would have nothing to open.`);
  }
  return action.link;
}
