import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { intakeRequestShapeSchema, reviewMilestones, type ReviewMilestoneKind } from '../shared/domain';
import { createRepositories, createSp } from '../shared/sharepoint';
import { requestItemFromIntake } from '../shared/sharepoint/requestItem';
import { createAuditLog } from '../shared/audit/auditLog';

/**
 * Many policies and approved tools cycling through their reviews for years on the virtual clock,
 * driven over HTTP only (PnPjs to the SharePoint emulator, the review API, the re-attestation
 * pages, the dev mailbox), so the benchmark (in-process runtime) and the integration test (the
 * runtime as a child process) run the same thing. People record each review a couple of days
 * after its date (every `lateEvery`-th one 35 days late, so escalations happen too); the mailbox
 * is then compared with what the schedule implies: every reminder once, none missing.
 */
export interface ScenarioRuntime {
  origin: string;
  advanceTo(iso: string): Promise<unknown>;
}

export interface ScenarioOptions {
  policies: number;
  tools: number;
  /** Virtual time when the runtime started. */
  start: string;
  years: number;
  lateEvery?: number;
  /** Review intervals of the generated policies, even- and odd-numbered ones (24 and 12 months by default). */
  policyIntervalMonths?: [number, number];
  /** First review dates fall from day 100 to day 100 + this after the start (700 by default). */
  firstDueSpreadDays?: number;
  /** Instances whose history length is sampled at every step. */
  sampleHistoryOf?: number;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  policies: number;
  tools: number;
  simulatedDays: number;
  seconds: number;
  cyclesCompleted: { policies: number; tools: number };
  reminders: { expected: number; sent: number; missing: string[]; duplicates: string[]; unexpected: string[] };
  historyEvents: { max: number; samples: number };
}

const DAY = 86_400_000;
const KIND_BY_DAYS = new Map<string, ReviewMilestoneKind>([
  ['due in 90 days', 'reminder-90-days'],
  ['due in 30 days', 'reminder-30-days'],
  ['due in 7 days', 'reminder-7-days'],
  ['due today', 'due-today'],
  ['overdue by 7 days', 'overdue-7-days'],
  ['overdue by 30 days', 'overdue-30-days'],
]);

interface Cycle {
  due: string;
  closedAt?: number;
}
interface Subject {
  kind: 'policy' | 'tool';
  id: number;
  title: string;
  late: boolean;
  cycles: Cycle[];
  /** Tools: the newest link per part, from the reminders. */
  links: Map<string, string>;
}
interface Mail {
  id: number;
  to: string[];
  subject: string;
  date: string;
  links: string[];
}

/** From bench/ (ts-jest) or dist/bench/ (compiled): the repository's examples folder. */
function exampleRequest(name: string): string {
  for (const up of [['..'], ['..', '..']]) {
    const file = resolve(__dirname, ...up, 'examples', 'requests', `${name}.json`);
    if (existsSync(file)) return file;
  }
  throw new Error(`examples/requests/${name}.json not found from ${__dirname}`);
}

const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
const minusMonths = (date: string, months: number): string => DateTime.fromISO(date, { zone: 'UTC' }).minus({ months }).toISODate()!;

async function limited<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

export async function runReviewScenario(rt: ScenarioRuntime, options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  const lateEvery = options.lateEvery ?? 10;
  const [evenInterval, oddInterval] = options.policyIntervalMonths ?? [24, 12];
  const spread = options.firstDueSpreadDays ?? 700;
  const sp = createSp({ siteUrl: `${rt.origin}/sites/aigov` });
  const repos = createRepositories(sp);
  const owner = (await sp.web.ensureUser('i:0#.f|membership|grace.adeyemi@example.nhs.uk')).Id;
  const requester = (await sp.web.ensureUser('i:0#.f|membership|amara.nwosu@example.nhs.uk')).Id;
  const startDay = options.start.slice(0, 10);
  const end = Date.parse(options.start) + Math.round(options.years * 365.25) * DAY;
  const subjects: Subject[] = [];

  // The seeded AI Policy takes part like any other.
  subjects.push({ kind: 'policy', id: 1, title: 'Artificial Intelligence Policy', late: false, cycles: [{ due: '2027-01-06' }], links: new Map() });
  const policyRows = Array.from({ length: Math.max(0, options.policies - 1) }, (_, n) => {
    const i = n + 2;
    const interval = i % 2 === 0 ? evenInterval : oddInterval;
    const due = addDays(startDay, 100 + ((i * 37) % spread));
    return { i, interval, due };
  });
  for (let k = 0; k < policyRows.length; k += 100) {
    const created = await repos.policies.createMany(
      policyRows.slice(k, k + 100).map((p) => ({
        Title: `Scale policy ${p.i}`,
        PolicyVersion: '1.0',
        PolicyOwner: 'Chief Medical Officer',
        OwnerContactId: owner,
        ApprovedOn: `${minusMonths(p.due, p.interval)}T00:00:00Z`,
        ReviewIntervalMonths: p.interval,
        NextReviewDue: `${p.due}T00:00:00Z`,
        Status: 'Active' as const,
        LastReminderSent: null,
      })),
    );
    created.forEach((item, j) => {
      const p = policyRows[k + j];
      subjects.push({ kind: 'policy', id: item.Id, title: item.Title, late: p.i % lateEvery === 0, cycles: [{ due: p.due }], links: new Map() });
    });
  }
  const intake = intakeRequestShapeSchema.parse(JSON.parse(readFileSync(exampleRequest('public-generic'), 'utf8')));
  const toolRows = Array.from({ length: options.tools }, (_, j) => ({ j, due: addDays(startDay, 120 + ((j * 53) % spread)) }));
  for (let k = 0; k < toolRows.length; k += 100) {
    const created = await repos.requests.createMany(
      toolRows.slice(k, k + 100).map((t) => ({
        ...requestItemFromIntake({ ...intake, title: `Scale tool ${t.j}` }, requester),
        // A draft until its approval is on record, so the change feed never sees an unrecorded "Approved".
        Status: 'Draft' as const,
        ReviewDueDate: `${t.due}T00:00:00Z`,
      })),
    );
    // An approval counts only with the workflow's record of it (shared/requests/statusOnRecord.ts):
    // a planned route, a decision on each of its steps, and the outcome.
    await createAuditLog(repos.auditLog).appendMany(
      created.flatMap((item) => {
        const entry = (eventType: string, actor: string, details: Record<string, unknown>) => ({
          title: `${eventType}: ${item.Title}`, eventType, subjectList: 'AI Requests', subjectItemId: item.Id, actor, channel: 'System' as const,
          occurredAt: `${startDay}T09:00:00Z`, details, key: `scale-tool-${item.Id}/${eventType}`,
        });
        return [
          entry('route-planned', 'system', { steps: [['IG_NOTIFY']] }),
          entry('decision-recorded', 'sam.oconnell@example.nhs.uk', { stepCode: 'IG_NOTIFY', outcome: 'approved' }),
          entry('request-approved', 'system', { reasons: [] }),
        ];
      }),
    );
    for (const item of created) await repos.requests.modify(item.Id, () => ({ Status: 'Approved' }));
    created.forEach((item, j) => {
      const t = toolRows[k + j];
      subjects.push({ kind: 'tool', id: item.Id, title: item.Title, late: t.j % lateEvery === 0, cycles: [{ due: t.due }], links: new Map() });
    });
  }
  log(`scenario: ${options.policies} policies and ${options.tools} tools created`);

  // Reads the mailbox as it grows; keeps subject, recipients, date and links only.
  const seen: Mail[] = [];
  let lastMail = 0;
  const titles = new Map(subjects.map((s) => [s.title, s]));
  const readMail = async (): Promise<void> => {
    const batch = (await (await fetch(`${rt.origin}/dev/mailbox/messages.json?after=${lastMail}`)).json()) as Mail[];
    for (const m of batch.sort((a, b) => a.id - b.id)) {
      lastMail = Math.max(lastMail, m.id);
      seen.push({ id: m.id, to: m.to, subject: m.subject, date: m.date, links: m.links });
      const title = /“(.*)”/.exec(m.subject)?.[1];
      const subject = title ? titles.get(title) : undefined;
      const link = m.links.find((l) => l.includes('/api/attestations/'));
      if (subject?.kind === 'tool' && link) subject.links.set(m.to[0], link);
    }
  };

  const actionTimes = new Map<string, number>();
  const actionAt = (s: Subject): number => {
    const due = s.cycles[s.cycles.length - 1].due;
    // Policies: recorded 2 days after the date; tools: answered 3 days before (after the 7-day reminder).
    const offset = s.late ? 35 : s.kind === 'policy' ? 2 : -3;
    const key = `${due}|${offset}`;
    let at = actionTimes.get(key);
    if (at === undefined) actionTimes.set(key, (at = Date.parse(`${addDays(due, offset)}T12:00:00Z`)));
    return at;
  };

  const act = async (s: Subject, at: number): Promise<void> => {
    const cycle = s.cycles[s.cycles.length - 1];
    if (s.kind === 'policy') {
      const res = await fetch(`${rt.origin}/api/policies/${s.id}/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: `1.${s.cycles.length}`, approvedOn: cycle.due, approvedBy: 'Audit and Risk Assurance Committee' }),
      });
      if (res.status !== 201) throw new Error(`Recording the review of policy ${s.id} answered ${res.status}: ${await res.text()}`);
      cycle.closedAt = at;
      s.cycles.push({ due: ((await res.json()) as { nextReviewDue: string }).nextReviewDue });
      return;
    }
    if (s.links.size < 2) throw new Error(`Tool ${s.id} has ${s.links.size} review link(s) on ${new Date(at).toISOString()}; expected one for each of its two people.`);
    for (const link of s.links.values()) {
      const page = await fetch(link);
      const html = await page.text();
      if (page.status !== 200) throw new Error(`The review page for tool ${s.id} answered ${page.status}: ${/<p>([^<]*)<\/p>/.exec(html)?.[1] ?? ''}`);
      const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
      const res = await fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ csrf, tool: 'same', data: 'same', supplier: 'same', comments: '' }).toString(),
      });
      if (res.status !== 200) throw new Error(`Answering the review of tool ${s.id} answered ${res.status}`);
    }
    s.links.clear();
    cycle.closedAt = at;
    s.cycles.push({ due: '' });
  };

  const t0 = performance.now();
  let historyMax = 0;
  let historySamples = 0;
  const sampled = subjects.slice(0, options.sampleHistoryOf ?? 5);
  for (;;) {
    const open = subjects.filter((s) => s.cycles[s.cycles.length - 1].due !== '');
    const next = Math.min(...open.map(actionAt));
    if (!Number.isFinite(next) || next > end) break;
    await rt.advanceTo(new Date(next).toISOString());
    await readMail();
    const due = open.filter((s) => actionAt(s) === next);
    await limited(due, 20, (s) => act(s, next));
    await rt.advanceTo(new Date(next + 60_000).toISOString());
    // Tools learn their next review date from the list once the cycle has confirmed.
    for (const s of due.filter((x) => x.kind === 'tool')) {
      const item = await repos.requests.get(s.id);
      s.cycles[s.cycles.length - 1].due = item.ReviewDueDate?.slice(0, 10) ?? '';
      if (s.cycles[s.cycles.length - 1].due === s.cycles[s.cycles.length - 2].due) {
        const status = await (await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/tool-review-${s.id}?showHistory=true`)).text();
        throw new Error(`Tool ${s.id}: the review date did not move on after both answers. Its cycle: ${status}`);
      }
    }
    for (const s of sampled) {
      const res = await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/${s.kind}-review-${s.id}?showHistory=true`);
      const body = (await res.json()) as { history?: unknown[] };
      historyMax = Math.max(historyMax, body.history?.length ?? 0);
      historySamples++;
    }
    log(`scenario: ${new Date(next).toISOString().slice(0, 10)}, ${due.length} recorded, ${seen.length} emails, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  await rt.advanceTo(new Date(end).toISOString());
  await readMail();
  const seconds = (performance.now() - t0) / 1000;

  // What the schedule implies: each milestone before its cycle closed (or before the end).
  const expected = new Map<string, number>();
  const add = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
  for (const s of subjects) {
    for (const c of s.cycles.filter((x) => x.due !== '')) {
      for (const m of reviewMilestones(c.due)) {
        const at = Date.parse(m.at);
        if (at >= (c.closedAt ?? end + 1) || at > end) continue;
        const prefix = `${s.title}|${m.kind}|${m.at.slice(0, 10)}`;
        if (s.kind === 'policy') add(prefix);
        else {
          add(`${prefix}|amara.nwosu@example.nhs.uk`);
          add(`${prefix}|sam.oconnell@example.nhs.uk`);
          if (m.kind.startsWith('overdue')) add(`${prefix}|governance`);
        }
      }
    }
  }
  const actual = new Map<string, number>();
  for (const m of seen) {
    const parsed = /^(Policy review|Approved tool review) (due in \d+ days|due today|overdue by \d+ days): “(.*)”$/.exec(m.subject);
    if (!parsed) continue;
    const kind = KIND_BY_DAYS.get(parsed[2]) ?? parsed[2];
    const prefix = `${parsed[3]}|${kind}|${m.date.slice(0, 10)}`;
    const key = parsed[1] === 'Policy review' ? prefix : m.to.length > 1 || m.to[0].startsWith('governance') ? `${prefix}|governance` : `${prefix}|${m.to[0]}`;
    actual.set(key, (actual.get(key) ?? 0) + 1);
  }
  const missing = [...expected].filter(([k, n]) => (actual.get(k) ?? 0) < n).map(([k]) => k);
  const duplicates = [...actual].filter(([k, n]) => n > 1 || (expected.get(k) ?? 0) < n).filter(([k]) => expected.has(k)).map(([k]) => k);
  const unexpected = [...actual.keys()].filter((k) => !expected.has(k));
  return {
    policies: options.policies,
    tools: options.tools,
    simulatedDays: Math.round((end - Date.parse(options.start)) / DAY),
    seconds: Math.round(seconds * 10) / 10,
    cyclesCompleted: {
      policies: subjects.filter((s) => s.kind === 'policy').reduce((n, s) => n + s.cycles.filter((c) => c.closedAt).length, 0),
      tools: subjects.filter((s) => s.kind === 'tool').reduce((n, s) => n + s.cycles.filter((c) => c.closedAt).length, 0),
    },
    reminders: {
      expected: [...expected.values()].reduce((a, b) => a + b, 0),
      sent: [...actual.values()].reduce((a, b) => a + b, 0),
      missing: missing.slice(0, 20),
      duplicates: duplicates.slice(0, 20),
      unexpected: unexpected.slice(0, 20),
    },
    historyEvents: { max: historyMax, samples: historySamples },
  };
}
