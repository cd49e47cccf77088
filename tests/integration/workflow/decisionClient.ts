import { eventually, type RuntimeProcess } from '../../support/runtime';
import { openDecision, submitDecision } from '../../../local/devClient/decisionForm';
import { decisionLink, linksForOpenSteps, mailbox } from '../../../local/devClient/openSteps';
export { heading, openDecision, submitDecision, type DecisionPage } from '../../../local/devClient/decisionForm';
export {
  decisionLink,
  decisionLinksFor,
  linksForOpenSteps,
  mailbox,
  teamsMessages,
  type MailboxMessage,
  type TeamsNotification,
} from '../../../local/devClient/openSteps';

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

/** The decision links in the mailbox, once there are at least `count` of them (the first stage's emails). */
export const emailedDecisionLinks = (rt: RuntimeProcess, count: number): Promise<string[]> =>
  eventually(async () => {
    const links = (await mailbox(rt)).map(decisionLink).filter((x): x is string => x !== undefined);
    return links.length >= count ? links : undefined;
  }, 'the first-stage emails');
