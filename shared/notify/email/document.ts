/**
 * A channel-neutral outline of one email. Templates build this; renderHtml and renderText turn
 * it into the two bodies, so both always say the same thing and escaping lives in one place.
 * Every string here is plain text (never HTML).
 */
export interface LinkItem {
  /** Says where the link goes, e.g. `Open the decision page for "Ambient voice notes"`. */
  label: string;
  url: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; caption: string; rows: Array<[label: string, value: string]> }
  /** The one main thing to do, shown as a button. */
  | { kind: 'action'; link: LinkItem }
  /** A secondary link on its own line. */
  | { kind: 'link'; link: LinkItem }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'section'; heading: string; empty: string; items: Array<{ text: string; link: LinkItem }> };

export interface EmailDocument {
  subject: string;
  heading: string;
  blocks: Block[];
  /** The message quotes a question and the requester's reply (a re-review): the footer says so. */
  quotesReply?: boolean;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The same closing note on every message: why there are no details, and that replies go nowhere. */
export const FOOTER =
  'This message comes from the artificial intelligence governance workflow. ' +
  'It holds no patient or personal information: the details are on the linked page, where you sign in with your organisation account. ' +
  'Replies to this address are not read.';

/** A re-review quotes the question, the reply and the changed answers, so it cannot say it holds no personal information. */
export const QUOTING_FOOTER =
  'This message comes from the artificial intelligence governance workflow. ' +
  'It quotes the reviewer’s question, the requester’s reply and the answers that changed, which may hold personal information: keep it within the organisation. ' +
  'The rest of the request is on the linked page, where you sign in with your organisation account. ' +
  'Replies to this address are not read.';

export const footerOf = (doc: EmailDocument): string => (doc.quotesReply ? QUOTING_FOOTER : FOOTER);
