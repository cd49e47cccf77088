/**
 * Other channels shown beside email on the dev mailbox page. The Graph stand-in (Teams messages)
 * will provide one; the mailbox renders and escapes the items, so a provider returns plain data.
 */
export interface MailboxTabItem {
  heading: string;
  /** ISO 8601. */
  date: string;
  to: string;
  text: string;
  links: Array<{ label: string; url: string }>;
}

export interface MailboxTab {
  /** Used in the page address: `/dev/mailbox?tab=<id>`. Letters, digits and dashes. */
  id: string;
  label: string;
  /** Newest first. */
  items(): MailboxTabItem[] | Promise<MailboxTabItem[]>;
}
