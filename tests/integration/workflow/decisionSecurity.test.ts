import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSigningKeys } from '../../../shared/config/signingKeys';
import { signDecisionToken } from '../../../shared/security/decisionToken';
import { exampleRequest, requestDetail, submitRequest } from '../../support/requests';
import { eventually } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { decisionLink, heading, mailbox, openDecision, submitDecision } from './decisionClient';

interface Detail {
  steps: { code: string; status: string; outcome: string | null }[];
}

// Every way a decision link can be misused gets a clear page and changes nothing.
describe('decision links refuse misuse', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  let requestId: number;
  let link: string;
  let requesterEmail: string;

  const steps = async (): Promise<Detail['steps']> => (await requestDetail<Detail>(rt, requestId)).steps;
  const unchanged = async (): Promise<void> => {
    expect((await steps()).map((s) => [s.code, s.status, s.outcome]).sort()).toEqual([
      ['FINANCE', 'Pending', null],
      ['IG_NOTIFY', 'Pending', null],
    ]);
  };

  /** A decision link signed with the runtime's own key (as if the service had sent it), for these claims. */
  const signedLink = (claims: Parameters<typeof signDecisionToken>[0]): string => {
    const secrets = JSON.parse(readFileSync(join(rt.dataDir, 'local-secrets.json'), 'utf8')) as { decisionSigningKeys: string };
    const token = signDecisionToken(claims, { keys: parseSigningKeys(secrets.decisionSigningKeys, 16).ring!, now: new Date('2026-12-01T09:00:00Z'), ttlHours: 24 });
    return `${rt.origin}/api/decisions/${token}`;
  };

  beforeAll(async () => {
    const body = exampleRequest<{ requester: { email: string } }>('healthcare-service-change');
    requesterEmail = body.requester.email;
    const res = await submitRequest(rt, body);
    requestId = ((await res.json()) as { id: number }).id;
    link = await eventually(async () => (await mailbox(rt)).map(decisionLink).find((l) => l !== undefined), 'a decision email');
  });

  it('GET shows the page and decides nothing (mail scanners follow links)', async () => {
    const page = await openDecision(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<form method="post"');
    await unchanged();
  });

  it('refuses a tampered link', async () => {
    const [header, payload, signature] = link.split('/').pop()!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, stp: 'SIRO' })).toString('base64url');
    const page = await openDecision(`${rt.origin}/api/decisions/${header}.${forged}.${signature}`);
    expect(page.status).toBe(400);
    expect(heading(page.html)).toBe('This link cannot be used');
    expect(page.html).toContain('This link has been changed since it was sent');
    await unchanged();
  });

  it('refuses a POST that did not come from the page (cross-site request forgery)', async () => {
    const page = await openDecision(link);
    const noCookie = await submitDecision(link, page, 'approved', { cookie: '' });
    expect(noCookie.status).toBe(403);
    const otherSite = await submitDecision(link, page, 'approved', { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    expect(heading(otherSite.html)).toBe('Open the decision page again');
    await unchanged();
  });

  it('refuses the requester deciding on their own request, even with a validly signed link', async () => {
    const page = await openDecision(signedLink({ requestId: String(requestId), stepCode: 'FINANCE', approverEmail: requesterEmail, tokenId: `request-${requestId}-step-FINANCE-1/${requesterEmail}/x` }));
    expect(page.status).toBe(409);
    expect(heading(page.html)).toBe('You cannot decide on your own request');
    await unchanged();
  });

  it('refuses a validly signed link made for something else (an incident action)', async () => {
    const page = await openDecision(signedLink({ requestId: 'incident-1', stepCode: 'incident-triage', approverEmail: 'priya.shah@example.nhs.uk', tokenId: 'incident-1/triage/priya.shah@example.nhs.uk/x' }));
    expect(page.status).toBe(400);
    expect(heading(page.html)).toBe('This link cannot be used');
    await unchanged();
  });

  it('refuses a link opened by someone signed in as another person', async () => {
    const res = await fetch(link, { headers: { 'x-ms-client-principal-name': 'someone.else@example.nhs.uk' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This link was sent to someone else');
    await unchanged();
  });

  it('decides once: a replayed POST changes nothing', async () => {
    const page = await openDecision(link);
    const first = await submitDecision(link, page, 'approved');
    expect(heading(first.html)).toBe('Decision recorded');
    const replay = await submitDecision(link, page, 'rejected', { comments: 'changed my mind' });
    expect(replay.status).toBe(409);
    expect(heading(replay.html)).toBe('This step has already been decided');
    const decided = await eventually(async () => (await steps()).find((s) => s.status === 'Completed'), 'the recorded decision');
    expect(decided.outcome).toBe('Approved');
  });

  it('refuses an expired link', async () => {
    // Links last 168 hours; reminders carry fresh ones, the original stops working.
    await rt.advance('P8D');
    const page = await openDecision(link);
    expect(page.status).toBe(400);
    expect(page.html).toContain('This link has expired');
  });
});
