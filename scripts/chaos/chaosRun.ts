import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heading, openDecision, submitDecision } from '../../local/devClient/decisionForm';
import { linksForOpenSteps, mailbox, teamsMessages } from '../../local/devClient/openSteps';
import { startLocalRuntime, type LocalRuntimeProcess } from '../localRuntimeProcess';

export interface ChaosOptions {
  kills: number;
  /** Requests taken to an outcome while the host is being killed. */
  requests: number;
  seed: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  kills: number;
  requests: number;
  decisions: number;
  lostDecisions: string[];
  lostMessages: string[];
  duplicateMessages: string[];
  stuck: string[];
  seconds: number;
}

// A Wednesday, five days before the seeded policy's 30-day review reminder (the policy is due on
// 6 January 2027), so an untriaged incident escalates on the next working day within the run; after
// the example DTAC assessment date the decision client types (an assessment cannot be dated ahead).
const START = '2026-12-02T09:00:00Z';
const AFTER_TIMERS = '2026-12-08T12:00:00Z';
const POLICY_OWNER = 'grace.adeyemi@example.nhs.uk';
const EXAMPLES = ['public-generic', 'healthcare-service-change', 'research'];
const TERMINAL = new Set(['Approved', 'Rejected', 'Withdrawn']);

/** A small seeded generator (mulberry32), so a run's kill moments can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * `npm run chaos`: approvals, the policy review reminder and incidents run while the host is
 * SIGKILLed at random moments and restarted on the same data. Afterwards it counts what a person
 * would notice: a decision they were told was recorded that did not count, a message that never
 * came or came twice, and work that never finished.
 */
export async function runChaos(root: string, options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const random = seeded(options.seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'aigov-chaos-'));
  let rt: LocalRuntimeProcess = await startLocalRuntime(root, { dataDir, virtualStart: START });
  const port = rt.port;
  let up: Promise<void> = Promise.resolve();
  let kills = 0;
  let stopKilling = false;

  // The killer: waits a random while after each start, then kills without warning.
  const killer = (async () => {
    while (kills < options.kills && !stopKilling) {
      await sleep(500 + random() * 3_500);
      if (stopKilling) break;
      let ready!: () => void;
      up = new Promise((r) => (ready = r));
      await rt.kill('SIGKILL');
      kills++;
      rt = await startLocalRuntime(root, { dataDir, port });
      log(`kill ${kills}: restarted`);
      ready();
    }
  })();

  /** One HTTP exchange, tried again while the host is down (a person would press refresh). */
  async function call<T>(what: string, exchange: (origin: string) => Promise<T>): Promise<T> {
    const deadline = Date.now() + 180_000;
    for (;;) {
      await up;
      try {
        return await exchange(rt.origin);
      } catch (err) {
        // Only once the kills are over does a call that keeps failing count as a failure.
        if (kills >= options.kills && Date.now() > deadline) throw new Error(`${what}: ${(err as Error).message}`, { cause: err });
        await sleep(100);
      }
    }
  }
  const json = async (res: Response): Promise<unknown> => {
    if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
    return res.json();
  };

  const report: ChaosReport = { kills: 0, requests: options.requests, decisions: 0, lostDecisions: [], lostMessages: [], duplicateMessages: [], stuck: [], seconds: 0 };
  try {
    // Requests, with an Idempotency-Key so a retry whose first answer was lost makes no second one.
    const requests: { id: number; title: string }[] = [];
    for (let i = 0; i < options.requests; i++) {
      const title = `Chaos request ${String(i + 1).padStart(3, '0')}`;
      const body = { ...(JSON.parse(readFileSync(join(root, 'examples', 'requests', `${EXAMPLES[i % EXAMPLES.length]}.json`), 'utf8')) as Record<string, unknown>), title };
      const created = (await call(`submit ${title}`, async (origin) =>
        json(await fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `chaos-${i}` }, body: JSON.stringify(body) })),
      )) as { id: number };
      requests.push({ id: created.id, title });
    }
    // Incidents: the reporter looks before reporting again, as the form has no retry key.
    const incidents = [
      { summary: 'Chaos research concern: biased results', researchRelated: true },
      { summary: 'Chaos incident: wrong dose in a letter', researchRelated: false },
    ];
    for (const [i, incident] of incidents.entries()) {
      await call(`report ${incident.summary}`, async (origin) => {
        const existing = await fetch(`${origin}/api/incidents/${i + 1}`, { headers: { 'x-ms-client-principal-name': 'sam.oconnell@example.nhs.uk' } });
        if (existing.status === 200) return;
        if (existing.status >= 500) throw new Error(`HTTP ${existing.status}`);
        await json(await fetch(`${origin}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(incidentBody(incident)) }));
      });
    }

    // Every approver approves every step sent to them, until each request has its outcome.
    const recorded = new Map<string, string>();
    const tried = new Set<string>();
    const open = new Set(requests.map((r) => r.id));
    const approving = Date.now() + 20 * 60_000;
    while (open.size > 0 && Date.now() < approving) {
      for (const request of requests.filter((r) => open.has(r.id))) {
        const status = ((await call('read status', async (origin) => json(await fetch(`${origin}/api/requests/${request.id}`)))) as { status: string }).status;
        if (TERMINAL.has(status)) {
          open.delete(request.id);
          continue;
        }
        const links = await call('read links', async (origin) => linksForOpenSteps({ origin }, request.id, request.title, tried));
        for (const { code, link } of links ?? []) {
          tried.add(link);
          const answer = await call('decide', async () => {
            const page = await openDecision(link);
            if (page.status >= 500) throw new Error(`HTTP ${page.status}`);
            if (!page.csrf) return undefined; // used already, or the step has closed
            const res = await submitDecision(link, page, 'approved');
            if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
            return heading(res.html);
          });
          if (answer === 'Decision recorded') recorded.set(link, `request ${request.id} step ${code}`);
        }
      }
      await sleep(50);
    }
    report.decisions = recorded.size;

    // The timers: the policy review reminder, the untriaged incident's escalation, step reminders.
    // In steps of two hours, so kills land while timers fire too; kills left over land on a quiet host.
    const advance = (body: object): Promise<unknown> =>
      call('advance the clock', async (origin) => json(await fetch(`${origin}/dev/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })));
    for (let at = Date.parse(START) + 2 * 3_600_000; at < Date.parse(AFTER_TIMERS); at += 2 * 3_600_000) await advance({ to: new Date(at).toISOString() });
    await advance({ to: AFTER_TIMERS });
    await killer;
    report.kills = kills;
    await advance({ duration: 'PT1M' });

    await count(report, rt.origin, { requests, incidents: incidents.length, recorded });
  } finally {
    stopKilling = true;
    await killer.catch(() => undefined);
    await rt.kill();
    if (process.env.CHAOS_KEEP_DATA) log(`data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  return report;
}

/** What a person would notice, read once the host has stayed up and everything due has run. */
async function count(report: ChaosReport, origin: string, run: { requests: { id: number; title: string }[]; incidents: number; recorded: Map<string, string> }): Promise<void> {
  const rt = { origin };
  for (const [link, what] of run.recorded) {
    const page = await openDecision(link);
    if (page.csrf) report.lostDecisions.push(`${what}: its link still offers the decision`);
  }
  const emails = await mailbox(rt);
  for (const request of run.requests) {
    const detail = (await (await fetch(`${origin}/api/requests/${request.id}`)).json()) as { status: string; steps: { code: string; status: string; outcome: string | null }[] };
    if (!TERMINAL.has(detail.status)) report.stuck.push(`request ${request.id} is still "${detail.status}"`);
    for (const step of detail.steps.filter((s) => s.status === 'Completed' && s.outcome !== 'Approved' && s.outcome !== 'Not required')) {
      report.lostDecisions.push(`request ${request.id} step ${step.code} ended "${step.outcome}", though every approver approved`);
    }
    if (detail.status === 'Approved' && !emails.some((m) => m.subject.startsWith('Approved: ') && m.subject.includes(request.title))) report.lostMessages.push(`the outcome email for request ${request.id}`);
  }
  for (let id = 1; id <= run.incidents; id++) {
    const incident = (await (await fetch(`${origin}/api/incidents/${id}`, { headers: { 'x-ms-client-principal-name': 'sam.oconnell@example.nhs.uk' } })).json()) as { status?: string; datix?: { problem?: string | null } };
    if (incident.status !== 'Escalated to Datix') report.stuck.push(`incident ${id} is "${incident.status ?? 'missing'}", not escalated to Datix${incident.datix?.problem ? ` (${incident.datix.problem})` : ''}`);
  }
  const datix = (await (await fetch(`${origin}/dev/datix/api/incidents`, { headers: { 'x-api-key': 'local-datix-key' } })).json()) as { idempotencyKey: string }[];
  if (!emails.some((m) => m.to.includes(POLICY_OWNER) && /policy review/i.test(m.subject))) report.lostMessages.push('the policy review reminder to its owner');

  const seen = new Map<string, number>();
  const tally = (key: string): void => void seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const m of emails) tally(`email to ${m.to.join(', ')}: ${m.subject}`);
  for (const t of await teamsMessages(rt)) tally(`Teams to ${t.userId ?? 'a chat'}: ${t.body.previewText?.content ?? t.body.topic?.value ?? ''}`);
  for (const d of datix) tally(`Datix record ${d.idempotencyKey}`);
  for (const [key, n] of seen) for (let extra = 1; extra < n; extra++) report.duplicateMessages.push(key);
}

function incidentBody(overrides: { summary: string; researchRelated: boolean }): Record<string, unknown> {
  return {
    description: 'Found while checking outputs during the chaos run; nobody was harmed.',
    occurredAt: '2026-12-02T08:00:00Z',
    location: 'Outpatients, Main Hospital',
    immediateActionTaken: 'Output corrected; the supplier was told.',
    category: 'output-quality',
    severity: 'moderate',
    patientHarm: false,
    personalDataBreach: false,
    relatedTool: 'Ambient scribe',
    reporter: { name: 'Amara Nwosu', email: 'amara.nwosu@example.nhs.uk' },
    ...overrides,
  };
}

export const chaosSummary = (r: ChaosReport): string =>
  `chaos: ${r.kills} kills, ${r.requests} requests, ${r.decisions} decisions; ${r.lostDecisions.length} lost decisions, ${r.lostMessages.length} lost messages, ${r.duplicateMessages.length} duplicate messages, ${r.stuck.length} stuck (${r.seconds} s)`;
