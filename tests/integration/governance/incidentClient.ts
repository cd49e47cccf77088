import type { RuntimeProcess } from '../../support/runtime';

/** What the tests send and read about incidents, over real HTTP against the local runtime. */
export const IG_MANAGER = 'sam.oconnell@example.nhs.uk';
export const CLINICAL_SAFETY_OFFICER = 'helen.mbeki@example.nhs.uk';
export const HEAD_OF_SAFE_PRACTICE = 'alison.reid@example.nhs.uk';
export const SIRO = 'chris.evans@example.nhs.uk';

export function incidentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: 'Ambient scribe wrote the wrong dose in a clinic letter',
    description: 'The ambient scribe transcribed 5 mg as 50 mg in an outpatient letter. The clinician noticed before it was sent.',
    occurredAt: '2026-03-02T08:00:00Z',
    location: 'Outpatients, Main Hospital',
    immediateActionTaken: 'Letter corrected before it was sent; the supplier was told.',
    category: 'output-quality',
    severity: 'moderate',
    patientHarm: false,
    personalDataBreach: false,
    researchRelated: false,
    relatedTool: 'Ambient scribe',
    reporter: { name: 'Amara Nwosu', email: 'amara.nwosu@example.nhs.uk' },
    ...overrides,
  };
}

export async function reportIncident(rt: RuntimeProcess, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${rt.origin}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export interface IncidentJson {
  id: number;
  status: string;
  triage: { outcome: string | null; by: string | null };
  datix: { reference: string | null; escalatedAt: string | null; route: string | null; reason: string | null; problem: string | null };
  breach: null | { outcome: string | null; toolkitReference: string | null; regulatorDeadlineAt: string | null };
}

export async function incident(rt: RuntimeProcess, id: number): Promise<IncidentJson> {
  return (await (await fetch(`${rt.origin}/api/incidents/${id}`)).json()) as IncidentJson;
}

/** An answer from the web part: the signed-in person comes in App Service's header. */
export async function answer(rt: RuntimeProcess, id: number, action: 'triage' | 'datix-reference' | 'breach-report', body: unknown, signedIn?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signedIn) headers['x-ms-client-principal-name'] = signedIn;
  const res = await fetch(`${rt.origin}/api/incidents/${id}/${action}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { message?: string; error?: string; errors?: { field: string; message: string }[] } };
}

export interface DatixRecord {
  reference: string;
  idempotencyKey: string;
  incident: { incidentId: string };
}

export async function datixRecords(rt: RuntimeProcess): Promise<DatixRecord[]> {
  return (await (await fetch(`${rt.origin}/dev/datix/api/incidents`, { headers: { 'x-api-key': 'local-datix-key' } })).json()) as DatixRecord[];
}

export async function datixFault(rt: RuntimeProcess, fault: Record<string, number>): Promise<void> {
  const res = await fetch(`${rt.origin}/dev/datix/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (res.status !== 200) throw new Error(`fault injection refused: ${res.status} ${await res.text()}`);
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  links: string[];
}

export async function mails(rt: RuntimeProcess): Promise<Mail[]> {
  return (await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as Mail[];
}

export const mailsTo = async (rt: RuntimeProcess, who: string, subject?: RegExp): Promise<Mail[]> =>
  (await mails(rt)).filter((m) => m.to.includes(who) && (!subject || subject.test(m.subject)));

export const actionLink = (m: Mail): string => {
  const link = m.links.find((l) => l.includes('/api/incident-actions/'));
  if (!link) throw new Error(`no incident link in "${m.subject}"`);
  return link;
};

/** What a browser does with a link in an email: GET the page, keep the cookie, POST the form. */
export async function submitPage(link: string, fields: Record<string, string>): Promise<{ status: number; html: string }> {
  const page = await fetch(link);
  const html = await page.text();
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
  const res = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text() };
}

export const heading = (html: string): string => /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
