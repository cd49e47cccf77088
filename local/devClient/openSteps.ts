/**
 * What an approver would find in their mailbox and Teams feed on the local runtime, for tests and
 * scripts that walk requests through (`npm run chaos`): the messages, and one unused decision link
 * for each step now waiting for a decision. Takes anything with the runtime's origin.
 */
export interface AtOrigin {
  origin: string;
}

export interface MailboxMessage {
  id: number | string;
  to: string[];
  subject: string;
  /** The plain-text body. */
  text: string;
  links: string[];
}

export interface TeamsNotification {
  id: number;
  kind: 'activityNotification' | 'chatMessage';
  userId: string | null;
  body: { topic?: { value: string; webUrl: string }; previewText?: { content: string } };
}

export const mailbox = async (rt: AtOrigin): Promise<MailboxMessage[]> =>
  (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as MailboxMessage[];

export const teamsMessages = async (rt: AtOrigin): Promise<TeamsNotification[]> =>
  (await (await fetch(`${rt.origin}/dev/graph/messages.json`)).json()) as TeamsNotification[];

export const decisionLink = (m: MailboxMessage): string | undefined => m.links.find((l) => l.includes('/api/decisions/'));

/**
 * Every decision link sent about a request, wherever it went: "Decision needed" emails, and Teams
 * activity feed notifications (for roles that prefer Teams), whose target is the decision page.
 */
export async function decisionLinksFor(rt: AtOrigin, title: string): Promise<{ channel: 'email' | 'teams'; to: string; link: string }[]> {
  const [emails, teams] = await Promise.all([mailbox(rt), teamsMessages(rt)]);
  return [
    ...emails
      .filter((m) => m.subject.startsWith('Decision needed') && m.subject.includes(title))
      .map((m) => ({ channel: 'email' as const, to: m.to[0], link: decisionLink(m) ?? '' })),
    ...teams
      .filter((t) => t.kind === 'activityNotification' && t.body.topic?.webUrl.includes('/api/decisions/') && t.body.previewText?.content.startsWith('Decision needed') && t.body.previewText.content.includes(title))
      .map((t) => ({ channel: 'teams' as const, to: t.userId ?? '', link: t.body.topic!.webUrl })),
  ].filter((l) => l.link !== '');
}

const stepOfLink = (link: string): string =>
  (JSON.parse(Buffer.from(new URL(link).pathname.split('/').pop()!.split('.')[1], 'base64url').toString()) as { stp: string }).stp;

/**
 * One unused decision link for each step of the request now waiting for a decision, once every
 * step of the stage has its task row and each waiting one has been sent a link (by email or
 * Teams); undefined until then. Roles that hear on both
 * channels get two links for one step: only one of them may decide.
 */
export async function linksForOpenSteps(rt: AtOrigin, requestId: number, title: string, used: ReadonlySet<string>): Promise<{ code: string; link: string }[] | undefined> {
  const detail = (await (await fetch(`${rt.origin}/api/requests/${requestId}`)).json()) as { steps: { code: string; status: string }[]; progress?: { waitingOn?: string[] } | null };
  // The stage's steps are assigned side by side: until each has its task row, some are not listed yet.
  if ((detail.progress?.waitingOn ?? []).some((code) => !detail.steps.some((s) => s.code === code))) return undefined;
  const pending = detail.steps.filter((s) => s.status === 'Pending');
  const byStep = new Map<string, string>();
  for (const { link } of await decisionLinksFor(rt, title)) {
    if (!used.has(link) && !byStep.has(stepOfLink(link))) byStep.set(stepOfLink(link), link);
  }
  if (pending.length === 0 || !pending.every((s) => byStep.has(s.code))) return undefined;
  return pending.map((s) => ({ code: s.code, link: byStep.get(s.code)! }));
}
