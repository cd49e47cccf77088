import type { MailboxTab, MailboxTabItem } from '../mail/mailboxTabs';
import type { ActivityNotification } from '../../shared/notify/teams/activityNotification';
import { cardHeading, cardLinks, cardToText } from './cardHtml';
import { GRAPH_PREFIX } from './pages';
import type { StoredTeamsMessage, TeamsStore } from './teamsStore';

/** The "Teams" tab of the dev mailbox: plain data; the mailbox page escapes it. */
export function createTeamsMailboxTab(store: TeamsStore, origin: string): MailboxTab {
  return { id: 'teams', label: 'Teams', items: () => store.list().map((m) => toItem(m, origin)) };
}

function toItem(m: StoredTeamsMessage, origin: string): MailboxTabItem {
  const page = { label: 'See this Teams message as the stand-in received it', url: `${origin}${GRAPH_PREFIX}/messages/${m.id}` };
  if (m.card) {
    return {
      heading: `Card: ${cardHeading(m.card)}`,
      date: m.receivedAt,
      to: `chat ${m.chatId ?? ''}`,
      text: cardToText(m.card),
      links: [...cardLinks(m.card).map((a) => ({ label: a.title, url: a.url })), page],
    };
  }
  // Stored only after validation, so the body has the activity notification's shape.
  const n = m.body as ActivityNotification;
  const text = n.templateParameters.find((p) => p.name === 'systemDefaultText')?.value ?? '';
  return {
    heading: `Activity: ${n.topic.value}`,
    date: m.receivedAt,
    to: m.userId ?? '',
    text: `${n.previewText.content}\n${text}`,
    links: [{ label: `Open: ${n.topic.value}`, url: n.topic.webUrl }, page],
  };
}
