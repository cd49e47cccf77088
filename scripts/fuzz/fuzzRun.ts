import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * Every endpoint with random and boundary input, against a running local runtime: lengths around
 * each limit, unicode, deep nesting, wrong types and content types. A case fails when the answer
 * is a 5xx, or when a 4xx left a row behind (a partial write).
 */
export interface FuzzReport {
  cases: number;
  byStatus: Record<string, number>;
  serverErrors: { endpoint: string; status: number; body: string }[];
  partialWrites: { endpoint: string; status: number; list: string }[];
}

interface Case {
  method: string;
  path: string;
  contentType?: string;
  body?: string;
  as?: string;
}

const LENGTHS = [0, 1, 100, 101, 150, 151, 200, 201, 254, 255, 256, 2000, 2001, 3999, 4000, 4001, 7999, 8000, 8001, 70_000, 300_000];
const PEOPLE = ['amara.nwosu@example.nhs.uk', 'priya.shah@example.nhs.uk', 'nadia.khan@example.nhs.uk', 'governance.lead@example.nhs.uk'];
// Rows only a request creates (tasks are written later by orchestrations, so they are not counted).
const WATCHED = ['AI Requests', 'AI Incidents'];

const example = (root: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'examples', 'requests', `${name}.json`), 'utf8')) as Record<string, unknown>;

const incident = (): Record<string, unknown> => ({
  summary: 'Chatbot gave wrong dosage advice',
  description: 'A draft letter suggested a dose that was wrong.',
  occurredAt: '2026-11-30T10:00:00Z',
  location: 'Ward 7',
  immediateActionTaken: 'none',
  category: 'output-quality',
  severity: 'low',
  patientHarm: false,
  personalDataBreach: false,
  researchRelated: false,
  relatedTool: 'Example Notes',
  reporter: { name: 'Amara Nwosu', email: 'amara.nwosu@example.nhs.uk' },
});

/** A string of a boundary length, ASCII or made of characters that are two UTF-16 units each. */
const boundaryString = fc.tuple(fc.constantFrom(...LENGTHS), fc.constantFrom('a', 'é', '🏥', '\u0000', ' ', '<b>', "'")).map(([n, c]) => c.repeat(Math.max(0, Math.ceil(n / c.length))));
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));
const nested = fc.integer({ min: 1, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown);
// Boundary lengths most often: that is where a value stops fitting its column.
const value = fc.oneof(
  { weight: 5, arbitrary: boundaryString },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: wrongType },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

function paths(o: unknown, prefix: string[] = []): string[][] {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return [prefix];
  return [prefix, ...Object.entries(o).flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(o: unknown, path: string[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = { ...(o as Record<string, unknown>) };
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), v);
  return copy;
}

/** A valid body with one field replaced (or one unknown field added), or something else entirely. */
/** A reply to "more information needed" carrying a (mutated) request as its answers; a body that is not JSON stays as it is. */
function asReply(body: string): string {
  try {
    return JSON.stringify({ reply: 'An answer', answers: JSON.parse(body) as unknown });
  } catch {
    return body;
  }
}

function mutated(valid: Record<string, unknown>) {
  const all = paths(valid).filter((p) => p.length > 0);
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...all), value).map(([p, v]) => JSON.stringify(setAt(valid, p, v))) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), value).map(([k, v]) => JSON.stringify({ ...valid, [k]: v })) },
    { weight: 1, arbitrary: value.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(valid)) },
  );
}

const contentType = fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', undefined, 'application/json; charset=latin1');

export function caseArbitrary(root: string): fc.Arbitrary<Case> {
  const requestBody = mutated(example(root, 'healthcare-service-change'));
  const genericBody = mutated(example(root, 'public-generic'));
  const draftBody = mutated({ type: 'procured', title: 'Draft', purpose: 'Notes', dpiaScreening: [true, null] });
  const incidentBody = mutated(incident());
  const reviewBody = mutated({ version: '1.1', approvedOn: '2026-11-30', approvedBy: 'Audit and Risk Assurance Committee' });
  const decisionBody = mutated({ taskId: 1, outcome: 'Approved', comments: 'Fine', checklist: [{ itemId: 'a', confirmed: true }] });
  const webhookBody = mutated({ value: [{ subscriptionId: 's', clientState: 'x', expirationDateTime: '2027-01-01T00:00:00Z', resource: 'r', siteUrl: '/sites/aigov' }] });
  const as = fc.option(fc.constantFrom(...PEOPLE), { nil: undefined });
  const post = (path: string | fc.Arbitrary<string>, body: fc.Arbitrary<string>, method: fc.Arbitrary<string> = fc.constant('POST')) =>
    fc.record({ method, path: typeof path === 'string' ? fc.constant(path) : path, contentType, body, as }).map((c) => c as Case);
  const id = fc.oneof(fc.constantFrom('1', '2', '0', '-1', 'abc', '99999999999999999999', '1.5', '%F0%9F%8F%A5'), fc.nat().map(String));
  const query = fc.oneof(boundaryString, fc.string({ unit: 'grapheme', maxLength: 120 })).map((q) => encodeURIComponent(q));
  return fc.oneof(
    { weight: 6, arbitrary: post('/api/route', fc.oneof(requestBody, genericBody)) },
    { weight: 4, arbitrary: post('/api/requests', fc.oneof(requestBody, genericBody)) },
    { weight: 1, arbitrary: post('/api/drafts', draftBody) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/drafts/${i}`), draftBody, fc.constant('PUT')) },
    { weight: 3, arbitrary: post('/api/incidents', incidentBody) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/incidents/${i}/triage`), incidentBody) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/policies/${i}/reviews`), reviewBody) },
    { weight: 1, arbitrary: post('/api/decisions', decisionBody) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/requests/${i}/responses`), requestBody) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/requests/${i}/withdrawal`), fc.constant('{}')) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/requests/${i}/reply`), fc.oneof(genericBody, requestBody.map(asReply))) },
    { weight: 1, arbitrary: post('/api/sharepoint/webhook', webhookBody) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/decisions/${i}`), fc.string({ maxLength: 300 })) },
    { weight: 1, arbitrary: post(id.map((i) => `/api/attestations/${i}`), fc.string({ maxLength: 300 })) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          path: fc.oneof(
            query.map((q) => `/api/register?q=${q}`),
            id.map((i) => `/api/requests/${i}`),
            id.map((i) => `/api/requests/${i}/page`),
            id.map((i) => `/api/requests/${i}/answers`),
            id.map((i) => `/api/incidents/${i}`),
            id.map((i) => `/api/policies/${i}/review`),
            query.map((q) => `/api/tasks?assignee=${q}`),
            fc.constant('/api/requests?mine=true'),
            fc.constant('/api/governance/summary'),
            fc.constant('/api/governance/requests'),
          ),
          as,
        })
        .map(({ path, as: who }) => ({ method: 'GET', path, as: who })),
    },
  );
}

async function counts(origin: string): Promise<number[]> {
  return Promise.all(
    WATCHED.map(async (title) => {
      const res = await fetch(`${origin}/sites/aigov/_api/web/lists/getByTitle('${encodeURIComponent(title)}')/items?$select=Id&$top=5000`, { headers: { accept: 'application/json;odata=nometadata' } });
      return ((await res.json()) as { value: unknown[] }).value.length;
    }),
  );
}

export async function runFuzz(origin: string, root: string, options: { cases: number; seed?: number; settle?: () => Promise<void> }): Promise<FuzzReport> {
  const report: FuzzReport = { cases: 0, byStatus: {}, serverErrors: [], partialWrites: [] };
  const samples = fc.sample(caseArbitrary(root), { numRuns: options.cases, seed: options.seed ?? 42 });
  for (const c of samples) {
    const before = await counts(origin);
    const headers: Record<string, string> = {};
    if (c.contentType) headers['content-type'] = c.contentType;
    if (c.as) headers['x-ms-client-principal-name'] = c.as;
    const res = await fetch(`${origin}${c.path}`, { method: c.method, headers, body: c.body });
    const text = await res.text();
    report.cases++;
    const bucket = `${Math.floor(res.status / 100)}xx`;
    report.byStatus[bucket] = (report.byStatus[bucket] ?? 0) + 1;
    const endpoint = `${c.method} ${c.path.split('?')[0].replace(/\/[^/]*\d[^/]*(?=\/|$)/g, '/{id}')}`;
    if (res.status >= 500) report.serverErrors.push({ endpoint, status: res.status, body: text.slice(0, 300) });
    if (res.status >= 400 && res.status < 500) {
      const after = await counts(origin);
      after.forEach((n, i) => {
        if (n > before[i]) report.partialWrites.push({ endpoint, status: res.status, list: WATCHED[i] });
      });
    }
  }
  return report;
}

export const summary = (r: FuzzReport): string =>
  `fuzz: ${r.cases} cases (${Object.entries(r.byStatus).sort().map(([k, v]) => `${v} × ${k}`).join(', ')}), ${r.serverErrors.length} × 5xx, ${r.partialWrites.length} partial writes`;
