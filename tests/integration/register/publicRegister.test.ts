import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/runtime';
import { useRuntime } from '../../support/useRuntime';
import { eventually } from '../../support/runtime';
import { approveEveryStep } from '../workflow/decisionClient';
import type { PublicRegisterEntry } from '../../../shared/register/publicRegister';

const NADIA = 'nadia.khan@example.nhs.uk'; // the AI governance lead
const AMARA = 'amara.nwosu@example.nhs.uk'; // a requester, not in the governance team
const TIER_2 = ['owner_and_responsibility', 'description_and_rationale', 'decision_making_process', 'data', 'risks_mitigations_and_impact_assessments'];

type PublicEntry = PublicRegisterEntry;

const example = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Record<string, unknown>;

// The public register, read as a member of the public would: no sign-in header, no cookie.
describe('the public register', () => {
  const rt = useRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  const anonymous = (path: string): Promise<Response> => fetch(`${rt.origin}${path}`);
  const entries = async (query = ''): Promise<PublicEntry[]> => (await (await anonymous(`/api/public/register.json${query}`)).json()) as PublicEntry[];
  const as = (email: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'x-ms-client-principal-name': email } });

  it('shows Microsoft Copilot out of the box, with no sign-in and no cookie, as a page, JSON and CSV', async () => {
    const page = await anonymous('/api/public/register?q=copilot');
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    // The page's one script runs by its nonce; nothing else may.
    const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain('<h2>Microsoft Copilot</h2>');
    expect(html).toMatch(/role="status" aria-live="polite">1 entry matches “copilot”\./);
    expect(html).toContain('Digital Services and Information Governance');

    const [copilot] = await entries('?q=copilot');
    expect(copilot).toMatchObject({ name: 'Microsoft Copilot', supplier: 'Microsoft', owner: 'Digital Services', approvedBy: 'Digital Services and Information Governance', nextReview: '2027-01-06', transparencyRecord: '' });
    for (const fact of ['purpose', 'humanOversight', 'dataUsed'] as const) expect(copilot[fact]).not.toBe('');
    // Search by purpose and supplier, every word.
    expect((await entries('?q=summarise%20emails')).map((e) => e.name)).toEqual(['Microsoft Copilot']);
    expect((await entries('?q=microsoft')).map((e) => e.name)).toEqual(['Microsoft Copilot']);

    const csv = await anonymous('/api/public/register.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('id,kind,name,supplier,purpose,description,owner,humanOversight,dataUsed,approvedOn,approvedBy,nextReview,contact,transparencyRecord');
    expect(lines[1]).toContain(',tool,Microsoft Copilot,Microsoft,');

    // The seeded approval has its evidence in the audit log.
    const audit = (await (
      await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectList eq 'AI Register' and SubjectItemId eq ${copilot.id}`, { headers: { accept: 'application/json;odata=nometadata' } })
    ).json()) as { value: { EventType: string; Actor: string }[] };
    expect(audit.value.map((e) => e.EventType).sort()).toEqual(['register-entry-published', 'tool-approved']);
  });

  it('answers a tool that is not there with the rules for freely available tools and the way to ask', async () => {
    const html = await (await anonymous('/api/public/register?q=chatgpt')).text();
    expect(html).toMatch(/role="status" aria-live="polite">0 entries match “chatgpt”\./);
    expect(html).toContain('<div id="not-found" class="panel">');
    expect(html).toContain('Do not put any personal data into it.');
    expect(html).toMatch(/To ask for a tool to be approved, .* Their email address: <a href="mailto:[^"]+@example.nhs.uk">/);
    // Staff asking "is this tool approved?" (signed in) find Copilot too.
    const staff = (await (await fetch(`${rt.origin}/api/register?q=copilot`, as(AMARA))).json()) as { name: string; purpose: string }[];
    expect(staff.map((r) => r.name)).toEqual(['Microsoft Copilot']);
  });

  it('refuses a search longer than the register allows, naming the field', async () => {
    const res = await anonymous(`/api/public/register.json?q=${'a'.repeat(101)}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ field: 'q', message: 'search for at most 100 characters' }] });
  });

  it('an approved request drafts an entry and a transparency record; neither is public until the governance team publishes it', async () => {
    const title = 'Chatbot for the staff newsletter (register test)';
    const created = await fetch(`${rt.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...example, title }) });
    expect(created.status).toBe(201);
    const { id: requestId } = (await created.json()) as { id: number };
    await approveEveryStep(rt, requestId, title);

    // The draft is for the governance team only.
    expect((await fetch(`${rt.origin}/api/register/drafts`, as(AMARA))).status).toBe(403);
    const draft = await eventually(async () => {
      const drafts = (await (await fetch(`${rt.origin}/api/register/drafts`, as(NADIA))).json()) as { id: number; name: string; purpose: string; transparencyRecordUrl: string | null }[];
      return drafts.find((d) => d.name === title && d.transparencyRecordUrl);
    }, 'the drafted entry with its transparency record');
    expect(draft.purpose).toBe(example.purpose);
    expect((await entries()).map((e) => e.name)).not.toContain(title);
    expect((await anonymous(`/api/public/register/${draft.id}/transparency-record.json`)).status).toBe(404);

    // The drafted record has Tier 1 and all five Tier 2 sections, filled from the request.
    const recordPage = await fetch(draft.transparencyRecordUrl!, as(NADIA));
    expect(recordPage.status).toBe(200);
    const form = await recordPage.text();
    for (const heading of ['Summary', 'Owner and responsibility', 'Description and rationale', 'Decision-making process, including human oversight', 'Data', 'Impact assessments and risks']) {
      expect(form).toContain(`<h2>${heading}</h2>`);
    }
    expect(form).toContain('Draft: not public.');
    const cookie = (recordPage.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = /name="csrf" value="([^"]*)"/.exec(form)![1];
    const fields = new URLSearchParams([...form.matchAll(/name="(tier_[^"]+)"(?: value="([^"]*)")?/g)].map((m): [string, string] => [m[1], m[2] ?? '']));
    for (const m of form.matchAll(/name="(tier_[^"]+)" rows="3"[^>]*>([^<]*)<\/textarea>/g)) fields.set(m[1], m[2].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
    expect(fields.get('tier_2.description_and_rationale.detailed_description')).toBe(example.purpose);
    expect(fields.get('tier_2.owner_and_responsibility.external_supplier')).toBe('Example AI Inc');
    const post = (values: URLSearchParams, email = NADIA): Promise<Response> =>
      fetch(draft.transparencyRecordUrl!, as(email, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: values.toString() }));

    // Publishing needs the senior responsible owner and the organisation, which only a person can give.
    const refused = await post(new URLSearchParams([...fields, ['csrf', csrf], ['action', 'publish']]));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('tier_2.owner_and_responsibility.senior_responsible_owner: fill this in before publishing the record');

    fields.set('tier_2.owner_and_responsibility.organisation', 'Example NHS Integrated Care Board');
    fields.set('tier_2.owner_and_responsibility.senior_responsible_owner', 'Director of Communications');
    expect((await post(new URLSearchParams([...fields, ['csrf', csrf], ['action', 'publish']]), AMARA)).status).toBe(403);
    const published = await post(new URLSearchParams([...fields, ['csrf', csrf], ['action', 'publish']]));
    expect(published.status).toBe(200);
    expect(await published.text()).toContain('Published: the record will be on the public register when its register entry is published.');
    // The record is published but its entry is not: still nothing public.
    expect((await anonymous(`/api/public/register/${draft.id}/transparency-record.json`)).status).toBe(404);

    // The entry is published from the web part's call: who and when are kept and audited.
    const publish = (email: string, body: unknown): Promise<Response> =>
      fetch(`${rt.origin}/api/register/${draft.id}/publication`, as(email, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect((await publish(AMARA, {})).status).toBe(403);
    expect((await publish(NADIA, { owner: 'x'.repeat(256) })).status).toBe(400);
    const done = await publish(NADIA, { humanOversight: 'The communications officer reads and corrects every draft before it is used.' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ id: draft.id, publishedBy: NADIA, publishedAt: expect.stringMatching(/^2026-12-/) });

    const entry = (await entries()).find((e) => e.name === title)!;
    expect(entry).toMatchObject({ supplier: 'Example AI Inc', owner: 'Communications', humanOversight: 'The communications officer reads and corrects every draft before it is used.', purpose: example.purpose });
    expect(entry.approvedOn).toMatch(/^2026-12-/);
    expect(entry.transparencyRecord).toBe(`${rt.origin}/api/public/register/${draft.id}/transparency-record.json`);
    const record = (await (await anonymous(`/api/public/register/${draft.id}/transparency-record.json`)).json()) as { standard_version: string; tier_1: { name: string }; tier_2: Record<string, Record<string, unknown>> };
    expect(record.standard_version).toBe('3.0');
    expect(record.tier_1.name).toBe('Example Chat');
    expect(Object.keys(record.tier_2)).toEqual(TIER_2);
    expect(record.tier_2.owner_and_responsibility.senior_responsible_owner).toBe('Director of Communications');
    const html = await (await anonymous('/api/public/register?q=newsletter')).text();
    expect(html).toContain(`Transparency record for ${title}`);

    const audit = (await (
      await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Audit%20Log')/items?$filter=SubjectList eq 'AI Register' and SubjectItemId eq ${draft.id}`, { headers: { accept: 'application/json;odata=nometadata' } })
    ).json()) as { value: { EventType: string; Actor: string }[] };
    expect(audit.value.map((e) => `${e.EventType} ${e.Actor}`).sort()).toEqual([
      `register-entry-published ${NADIA}`,
      'transparency-record-drafted system',
      `transparency-record-published ${NADIA}`,
    ]);
  });
});
