import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTransparencyActivities } from '../../../orchestrations/request/activities/transparencyActivities';
import type { AuditEvent, AuditLog } from '../../../shared/audit/auditLog';
import { ANONYMOUS_PATHS, isAnonymousPath } from '../../../shared/access/anonymousPaths';
import { planRoute, type IntakeRequest, type Route } from '../../../shared/domain';
import { publicEntry, type PublicRegisterEntry } from '../../../shared/register/publicRegister';
import { registerCsv } from '../../../shared/register/registerCsv';
import { publishEntry } from '../../../shared/register/publication';
import type { AiRequestItem, RegisterItem, RegisterRepository, AiRequestsRepository } from '../../../shared/sharepoint';
import { requestItemFromIntake } from '../../../shared/sharepoint/requestItem';
import { readAtrsRecord, TIER_2_HEADINGS } from '../../../shared/transparency/atrsRecord';
import { parseRecordForm, recordFormPage } from '../../../shared/transparency/recordForm';

const AT = '2026-12-03T10:00:00.000Z';
const healthcare = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'healthcare-service-change.json'), 'utf8')) as IntakeRequest;
const route = planRoute(healthcare) as Route;
const META = { Created: AT, Modified: AT, AuthorId: 1, EditorId: 1, etag: '"1"' };

const request = { ...requestItemFromIntake(healthcare, 1), RouteJson: JSON.stringify(route), Id: 5, ...META } as unknown as AiRequestItem;
const entry = (over: Partial<RegisterItem> = {}): RegisterItem =>
  ({
    Id: 9, Title: request.Title, EntryType: 'Approved tool', Supplier: null, Owner: 'Surgery', PlainEnglishDescription: 'Drafts letters.', Purpose: 'Drafts clinic letters.',
    HumanOversight: null, DataUsed: 'Personal data', DpiaStatus: 'Completed', PublicContact: null, ApprovedOn: AT, ApprovedBy: null, ReviewDate: '2027-01-06T00:00:00Z',
    Status: 'Draft', PublishedBy: null, PublishedAt: null, SourceRequestId: 5, TransparencyRecordJson: null, TransparencyStatus: null, TransparencyPublishedBy: null,
    TransparencyPublishedAt: null, ...META, ...over,
  });

function standIns(start: RegisterItem) {
  let current = start;
  const writes: Partial<RegisterItem>[] = [];
  const register = {
    forRequest: () => Promise.resolve({ ...current }),
    get: () => Promise.resolve({ ...current }),
    modify: (_id: number, change: (c: RegisterItem) => Partial<RegisterItem> | null) => {
      const changes = change(current);
      if (changes) {
        writes.push(changes);
        current = { ...current, ...changes };
      }
      return Promise.resolve({ ...current });
    },
  } as unknown as RegisterRepository;
  const requests = { get: () => Promise.resolve(request) } as unknown as AiRequestsRepository;
  const events = new Map<string, AuditEvent>();
  const audit: AuditLog = {
    append: (e) => {
      if (!events.has(e.key)) events.set(e.key, e);
      return Promise.resolve();
    },
    has: (key) => Promise.resolve(events.has(key)),
  };
  return { register, requests, audit, events, writes, current: () => current };
}

describe('the transparency record drafted on approval', () => {
  it('has Tier 1 and the five Tier 2 sections from the request, once however often the activity runs', async () => {
    const s = standIns(entry());
    const activities = makeTransparencyActivities({ repos: { register: s.register, requests: s.requests }, audit: s.audit, publicBaseUrl: 'https://aigov.example', contactEmail: 'ai@example.nhs.uk' });
    await activities.draftTransparencyRecord({ requestId: 5, approvedAt: AT });
    await activities.draftTransparencyRecord({ requestId: 5, approvedAt: AT });
    expect(s.writes).toHaveLength(1);
    expect(s.events.size).toBe(1);
    expect(s.current().TransparencyStatus).toBe('Draft');
    const record = readAtrsRecord(s.current().TransparencyRecordJson)!;
    expect(record.standard_version).toBe('3.0');
    expect(Object.keys(record.tier_2)).toEqual(Object.keys(TIER_2_HEADINGS));
    expect(record.tier_1).toMatchObject({ contact_email: 'ai@example.nhs.uk', website: 'https://aigov.example/api/public/register' });
    expect(record.tier_1.description).toContain('artificial intelligence (AI)');
    expect(record.tier_2.description_and_rationale.detailed_description).toBe(healthcare.purpose);
    // The route's assessments are the record's impact assessments; its risk facts its risks.
    expect(record.tier_2.risks_mitigations_and_impact_assessments.impact_assessments.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Data Protection Impact Assessment', 'Digital Technology Assessment Criteria']),
    );
    expect(record.tier_2.risks_mitigations_and_impact_assessments.risks).toHaveLength(route.risk.facts.length);
  });

  it('keeps a record the governance lead has already edited', async () => {
    const edited = standIns(entry());
    const deps = { repos: { register: edited.register, requests: edited.requests }, audit: edited.audit, publicBaseUrl: 'https://aigov.example', contactEmail: 'ai@example.nhs.uk' };
    await makeTransparencyActivities(deps).draftTransparencyRecord({ requestId: 5, approvedAt: AT });
    const json = edited.current().TransparencyRecordJson!.replace(healthcare.purpose, 'Edited by the lead.');
    await edited.register.modify(9, () => ({ TransparencyRecordJson: json }));
    await makeTransparencyActivities(deps).draftTransparencyRecord({ requestId: 5, approvedAt: AT });
    expect(edited.current().TransparencyRecordJson).toBe(json);
  });

  it('round-trips through the edit form, and a field over its limit is named', async () => {
    const s = standIns(entry());
    await makeTransparencyActivities({ repos: { register: s.register, requests: s.requests }, audit: s.audit, publicBaseUrl: 'https://aigov.example', contactEmail: 'ai@example.nhs.uk' }).draftTransparencyRecord({ requestId: 5, approvedAt: AT });
    const record = readAtrsRecord(s.current().TransparencyRecordJson)!;
    const html = recordFormPage({ entryId: 9, name: 'Scribe', published: false, publishedBy: null, publishedAt: null, entryPublished: false }, record, 'token');
    const form: Record<string, string> = {};
    for (const m of html.matchAll(/name="(tier_[^"]+)" value="([^"]*)"/g)) form[m[1]] = m[2];
    for (const m of html.matchAll(/name="(tier_[^"]+)" rows="3"[^>]*>([^<]*)<\/textarea>/g)) form[m[1]] = m[2];
    const decoded = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')]));
    const parsed = parseRecordForm({ ...decoded, action: 'publish' });
    expect(parsed).toEqual({ ok: true, record, publish: true });
    const tooLong = parseRecordForm({ ...decoded, 'tier_1.name': 'x'.repeat(256) });
    expect(tooLong).toEqual({ ok: false, errors: [{ field: 'tier_1.name', message: 'keep the name to 255 characters or fewer' }] });
  });
});

describe('publishing a register entry', () => {
  it('needs every fact the public register shows, then records who and when once', async () => {
    const s = standIns(entry());
    expect(await publishEntry({ register: s.register, audit: s.audit }, 9, {}, 'nadia.khan@example.nhs.uk', AT)).toEqual({ ok: false, errors: [{ field: 'humanOversight', message: 'say how people check its outputs' }] });
    expect(s.writes).toEqual([]);
    const done = await publishEntry({ register: s.register, audit: s.audit }, 9, { humanOversight: 'A doctor signs every letter.' }, 'nadia.khan@example.nhs.uk', AT);
    expect(done).toMatchObject({ ok: true, item: { Status: 'Published', PublishedBy: 'nadia.khan@example.nhs.uk', PublishedAt: AT, HumanOversight: 'A doctor signs every letter.' } });
    await publishEntry({ register: s.register, audit: s.audit }, 9, {}, 'priya.shah@example.nhs.uk', '2026-12-04T10:00:00.000Z');
    expect(s.current().PublishedBy).toBe('nadia.khan@example.nhs.uk');
    expect([...s.events.values()].map((e) => `${e.eventType} ${e.actor}`)).toEqual(['register-entry-published nadia.khan@example.nhs.uk']);
  });
});

describe('the register as CSV', () => {
  it('quotes what needs quoting and keeps a formula as text', () => {
    const row: PublicRegisterEntry = { ...publicEntry(entry({ Status: 'Published' }), 'https://aigov.example', 'ai@example.nhs.uk'), name: '=HYPERLINK("x")', purpose: 'Letters, "drafts"\nand notes' };
    const [header, line, end] = registerCsv([row]).split('\r\n');
    expect(header.split(',')).toHaveLength(14);
    expect(line).toBe(`9,tool,"'=HYPERLINK(""x"")",,"Letters, ""drafts""\nand notes",Drafts letters.,Surgery,,Personal data,2026-12-03,,2027-01-06,ai@example.nhs.uk,`);
    expect(end).toBe('');
  });
});

describe('the anonymous paths', () => {
  it('are the SharePoint webhook and the public register only', () => {
    for (const path of ['/api/sharepoint/webhook', '/api/public/register', '/api/public/register.json', '/api/public/register.csv', '/api/public/register/4/transparency-record.json']) {
      expect(isAnonymousPath(path)).toBe(true);
    }
    for (const path of ['/api/register', '/api/register/drafts', '/api/register/4/transparency-record', '/api/public/registers', '/api/requests', '/api/public']) {
      expect(isAnonymousPath(path)).toBe(false);
    }
    expect(ANONYMOUS_PATHS).toHaveLength(5);
  });
});
