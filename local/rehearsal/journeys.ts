import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualClock } from '../clock/virtualClock';
import { openDecision, submitDecision } from '../devClient/decisionForm';
import type { Rehearsal } from './rehearsal';

/**
 * What people do in the rehearsal, over HTTPS through App Service authentication (signed in as
 * themselves), with the app reaching every service with its own credentials. Each journey throws
 * with what went wrong; the mailbox and Teams stand-ins are read where the messages landed.
 */
export interface Journey {
  name: string;
  run(r: Rehearsal): Promise<string>;
}

const REQUESTER = 'amara.nwosu@example.nhs.uk';

interface Mail {
  to: string[];
  subject: string;
  links: string[];
}
interface TeamsMessage {
  kind: string;
  userId: string | null;
  body: { topic?: { webUrl: string }; previewText?: { content: string } };
}

async function eventually<T>(what: string, r: Rehearsal, probe: () => Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await r.runtime.settle();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const sessions = new Map<string, string>();

/** Signs the person in at App Service authentication (the rehearsal directory) and keeps the session cookie. */
async function signIn(r: Rehearsal, email: string): Promise<string> {
  const known = sessions.get(email);
  if (known) return known;
  const res = await fetch(`${r.appOrigin}/.auth/login/aad`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `login_hint=${encodeURIComponent(email)}` });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`${email} could not sign in (${res.status})`);
  sessions.set(email, cookie);
  return cookie;
}

async function as(r: Rehearsal, email: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie: await signIn(r, email), origin: r.appOrigin };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${r.appOrigin}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: 'manual' });
}

const mails = async (r: Rehearsal): Promise<Mail[]> => (await (await fetch(`${r.runtime.origin}/dev/mailbox/messages.json`)).json()) as Mail[];
const teams = async (r: Rehearsal): Promise<TeamsMessage[]> => (await (await fetch(`${r.runtime.origin}/dev/graph/messages.json`)).json()) as TeamsMessage[];

const stepOf = (link: string): string => (JSON.parse(Buffer.from(new URL(link).pathname.split('/').pop()!.split('.')[1], 'base64url').toString()) as { stp: string }).stp;

async function decisionLinks(r: Rehearsal, title: string): Promise<{ channel: 'email' | 'teams'; to: string; link: string }[]> {
  const [emails, notes] = await Promise.all([mails(r), teams(r)]);
  return [
    ...notes
      .filter((t) => t.kind === 'activityNotification' && t.body.topic?.webUrl.includes('/api/decisions/') && t.body.previewText?.content.includes(title))
      .map((t) => ({ channel: 'teams' as const, to: t.userId ?? '', link: t.body.topic!.webUrl })),
    ...emails
      .filter((m) => m.subject.startsWith('Decision needed') && m.subject.includes(title))
      .map((m) => ({ channel: 'email' as const, to: m.to[0], link: m.links.find((l) => l.includes('/api/decisions/')) ?? '' })),
  ].filter((l) => l.link.startsWith(r.appOrigin));
}

/**
 * A request from submission to the outcome email, every step decided from its link by the person it
 * was sent to: once from the Teams notification, once from the email (the first step's role hears on both).
 */
async function requestToOutcome(r: Rehearsal, title: string, channel: 'email' | 'teams'): Promise<number> {
  const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;
  const submitted = await as(r, REQUESTER, '/api/requests', { method: 'POST', body: { ...example, title } });
  if (submitted.status !== 201) throw new Error(`submitting the request: ${submitted.status} ${await submitted.text()}`);
  const { id } = (await submitted.json()) as { id: number };
  const decided = new Set<string>();
  for (;;) {
    const detail = await eventually('a step waiting for a decision', r, async () => {
      const res = await as(r, REQUESTER, `/api/requests/${id}`);
      const json = res.ok ? ((await res.json()) as { status: string; steps: { code: string; status: string }[] }) : undefined;
      // A step just decided can still read Pending for a moment: wait for one not decided yet.
      return json && (json.status === 'Approved' || json.steps.some((s) => s.status === 'Pending' && !decided.has(s.code))) ? json : undefined;
    });
    if (detail.status === 'Approved') break;
    const code = detail.steps.find((s) => s.status === 'Pending' && !decided.has(s.code))!.code;
    const links = await eventually(`the decision link for ${code}`, r, async () => {
      const all = (await decisionLinks(r, title)).filter((l) => stepOf(l.link) === code);
      return all.length > 0 ? all : undefined;
    });
    const link = links.find((l) => l.channel === channel) ?? links[0];
    // Bound to its approver: someone else signed in cannot use the link.
    const stranger = await openDecision(link.link, { cookie: await signIn(r, 'olivia.hughes@example.nhs.uk') });
    if (stranger.status === 200 && stranger.csrf) throw new Error('a decision link opened for someone it was not sent to');
    const auth = await signIn(r, link.to);
    const page = await openDecision(link.link, { cookie: auth });
    if (page.status !== 200 || !page.csrf) throw new Error(`${link.to} could not open the ${link.channel} link (${page.status})`);
    const done = await submitDecision(link.link, page, 'approved', { cookie: `${page.cookie}; ${auth}`, origin: r.appOrigin, comments: 'Rehearsal' });
    if (done.status !== 200) throw new Error(`${link.to} could not decide from the ${link.channel} link (${done.status})`);
    if (link.channel !== channel) throw new Error(`step ${code} had no ${channel} link`);
    decided.add(code);
  }
  await eventually(`the outcome email for "${title}"`, r, async () => (await mails(r)).find((m) => m.subject === `Approved: “${title}”` && m.to.includes(REQUESTER)));
  return id;
}

const approval: Journey = {
  name: 'approval journey (request, decisions from email and Teams links, outcome email)',
  async run(r) {
    const byTeams = await requestToOutcome(r, 'Rehearsal: meeting summaries decided in Teams', 'teams');
    const byEmail = await requestToOutcome(r, 'Rehearsal: meeting summaries decided by email', 'email');
    return `requests ${byTeams} (decided from Teams) and ${byEmail} (decided from email) approved; outcome emails sent to the requester; a link opened by someone else was refused`;
  },
};

/** An incident about research goes to Datix at once, through the integration endpoint with the key from the vault. */
const incident: Journey = {
  name: 'incident escalated to Datix',
  async run(r) {
    const body = {
      summary: 'Rehearsal: research chatbot gave a wrong dose',
      description: 'A research chatbot suggested a dose ten times too high. The research nurse noticed before anyone acted on it.',
      occurredAt: new Date(r.runtime.clock.now() - 3_600_000).toISOString(),
      location: 'Research unit, Main Hospital',
      immediateActionTaken: 'The chatbot was paused and the study team told.',
      category: 'output-quality',
      severity: 'moderate',
      patientHarm: false,
      personalDataBreach: false,
      researchRelated: true,
      relatedTool: 'Research chatbot',
      reporter: { name: 'Amara Nwosu', email: REQUESTER },
    };
    const reported = await as(r, REQUESTER, '/api/incidents', { method: 'POST', body });
    if (reported.status !== 201) throw new Error(`reporting the incident: ${reported.status} ${await reported.text()}`);
    const { id } = (await reported.json()) as { id: number };
    const reference = await eventually('the Datix reference', r, async () => {
      const res = await as(r, REQUESTER, `/api/incidents/${id}`);
      const json = res.ok ? ((await res.json()) as { datix: { reference: string | null } }) : undefined;
      return json?.datix.reference ?? undefined;
    });
    const records = (await (await fetch(`${r.serviceOrigin}/dev/datix/api/incidents`, { headers: { 'x-api-key': r.datixKey } })).json()) as { reference: string }[];
    if (!records.some((x) => x.reference === reference)) throw new Error(`Datix has no record ${reference}`);
    return `incident ${id} recorded in Datix as ${reference}`;
  },
};

/** The seeded AI Policy is due for review on 6 January 2027: the 90-day reminder goes on 8 October 2026. */
const policyReminder: Journey = {
  name: 'policy review reminder',
  async run(r) {
    if (!(r.runtime.clock instanceof VirtualClock)) throw new Error('the rehearsal runs on the virtual clock');
    await r.runtime.clock.advanceTo(Date.parse('2026-10-08T09:00:00Z'));
    const reminder = await eventually('the policy review reminder', r, async () => (await mails(r)).find((m) => m.subject.startsWith('Policy review due in 90 days')));
    if (!reminder.links.some((l) => l === `${r.appOrigin}/api/policies/1/review`)) throw new Error('the reminder does not link to the review page behind sign-in');
    const page = await as(r, 'grace.adeyemi@example.nhs.uk', '/api/policies/1/review');
    if (page.status !== 200) throw new Error(`the policy owner could not open the review page (${page.status})`);
    return `"${reminder.subject}" sent to ${reminder.to.length} people; the owner opened the review page`;
  },
};

export const JOURNEYS: Journey[] = [approval, incident, policyReminder];
