import { eventually, type RuntimeProcess } from '../../support/runtime';
import { openDecision, submitDecision } from '../../../local/devClient/decisionForm';

export interface MailboxMessage {
  id: number | string;
  to: string[];
  subject: string;
  links: string[];
}

export const mailbox = async (rt: RuntimeProcess): Promise<MailboxMessage[]> =>
  (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as MailboxMessage[];

export const decisionLink = (m: MailboxMessage): string | undefined => m.links.find((l) => l.includes('/api/decisions/'));

export { heading, openDecision, submitDecision, type DecisionPage } from '../../../local/devClient/decisionForm';

export interface TeamsNotification {
  id: number;
  kind: 'activityNotification' | 'chatMessage';
  userId: string | null;
  body: { topic?: { value: string; webUrl: string }; previewText?: { content: string } };
}

export const teamsMessages = async (rt: RuntimeProcess): Promise<TeamsNotification[]> =>
  (await (await fetch(`${rt.origin}/dev/graph/messages.json`)).json()) as TeamsNotification[];

/**
 * Every decision link sent about a request, wherever it went: "Decision needed" emails, and Teams
 * activity feed notifications (for roles that prefer Teams), whose target is the decision page.
 */
export async function decisionLinksFor(rt: RuntimeProcess, title: string): Promise<{ channel: 'email' | 'teams'; to: string; link: string }[]> {
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
 * such step has been sent one (by email or Teams); undefined until then. Roles that hear on both
 * channels get two links for one step: only one of them may decide.
 */
export async function linksForOpenSteps(rt: RuntimeProcess, requestId: number, title: string, used: ReadonlySet<string>): Promise<{ code: string; link: string }[] | undefined> {
  const detail = (await (await fetch(`${rt.origin}/api/requests/${requestId}`)).json()) as { steps: { code: string; status: string }[] };
  const pending = detail.steps.filter((s) => s.status === 'Pending');
  const byStep = new Map<string, string>();
  for (const { link } of await decisionLinksFor(rt, title)) {
    if (!used.has(link) && !byStep.has(stepOfLink(link))) byStep.set(stepOfLink(link), link);
  }
  if (pending.length === 0 || !pending.every((s) => byStep.has(s.code))) return undefined;
  return pending.map((s) => ({ code: s.code, link: byStep.get(s.code)! }));
}

/**
 * Approves every step of the request from its decision links, stage by stage, until the request
 * is Approved (each link opened and its form posted, as an approver's browser would).
 */
export async function approveEveryStep(rt: RuntimeProcess, requestId: number, title: string): Promise<void> {
  const used = new Set<string>();
  const status = async (): Promise<string> => ((await (await fetch(`${rt.origin}/api/requests/${requestId}`)).json()) as { status: string }).status;
  for (let round = 0; round < 12; round++) {
    const open = await eventually(async () => ((await status()) === 'Approved' ? [] : await linksForOpenSteps(rt, requestId, title, used)), `the decision links of round ${round}`);
    if (open.length === 0) return;
    for (const { link } of open) {
      used.add(link);
      const page = await openDecision(link);
      if (page.status === 200) await submitDecision(link, page, 'approved');
    }
  }
  throw new Error(`Request ${requestId} was not approved after 12 rounds of decisions`);
}
