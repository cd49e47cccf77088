import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDecision, submitDecision } from '../local/devClient/decisionForm';
import { intakeRequestShapeSchema } from '../shared/domain';
import { createRepositories, createSp } from '../shared/sharepoint';
import { requestItemFromIntake } from '../shared/sharepoint/requestItem';
import { ROOT, startRuntimeProcess } from './support/runtimeProcess';

/**
 * The approval workflow against `npm start`'s runtime in its own process (as in production, the
 * measuring client is not inside it):
 * - list item created through PnPjs → first "Decision needed" email in the SMTP sink, over 200
 *   requests, one at a time. The emulator's one-second notification delay (SharePoint gathers
 *   changes before notifying) is set to 0 here, so the figure is our part: webhook, change
 *   query, orchestration start, route planning, list writes, SMTP;
 * - the last decision POST of a stage → the next stage's first email;
 * - history events of one request taken to Approved (its orchestration and every step's);
 * - 1,000 open requests waiting on their timers: the runtime's CPU and memory while idle.
 */
const REQUESTS = Number(process.env.BENCH_APPROVAL_REQUESTS ?? 200);
const OPEN_REQUESTS = Number(process.env.BENCH_APPROVAL_OPEN ?? 1000);

interface Mail {
  id: number;
  to: string[];
  subject: string;
  links: string[];
}

export async function benchApproval(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-approval-'));
  const runtime = await startRuntimeProcess(dataDir, { env: { AIGOV_SHAREPOINT_NOTIFICATION_DELAY_MS: '0' } });
  try {
    const mail = mailWatcher(runtime.origin);
    const itemToEmail = await timeItemToFirstEmail(runtime.origin, mail);
    const decisionToEmail = await timeDecisionToNextEmail(runtime.origin, mail, itemToEmail.ids.slice(0, 50));
    const historyEvents = await historyOfOneApprovedRequest(runtime.origin, mail);
    const idle = await idleWithOpenRequests(runtime, mail);
    return {
      requests: REQUESTS,
      itemCreatedToFirstEmailMs: summary(itemToEmail.ms),
      decisionPostToNextEmailMs: summary(decisionToEmail),
      historyEventsPerApprovedRequest: historyEvents,
      idleWithOpenRequests: idle,
      goals: { itemToEmailP95Ms: 1000, decisionToEmailP95Ms: 500, historyEventsMax: 150 },
    };
  } finally {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Reads only new messages (`?after=`), so polling a mailbox of thousands stays cheap. */
function mailWatcher(origin: string) {
  let lastId = 0;
  const seen: Mail[] = [];
  async function poll(): Promise<void> {
    const fresh = (await (await fetch(`${origin}/dev/mailbox/messages.json?after=${lastId}`)).json()) as Mail[];
    for (const m of fresh.reverse()) {
      seen.push(m);
      lastId = Math.max(lastId, m.id);
    }
  }
  return {
    seen,
    /** Polls every 5 ms until a new message matches; resolves with the time it was first seen. */
    async waitFor(what: string, match: (m: Mail) => boolean, timeoutMs = 30_000): Promise<{ message: Mail; at: number }> {
      const from = seen.length;
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        await poll();
        const found = seen.slice(from).find(match);
        if (found) return { message: found, at: performance.now() };
        if (performance.now() > deadline) throw new Error(`No email within ${timeoutMs / 1000} s: ${what}.`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    poll,
  };
}

const example = (title: string): Record<string, unknown> => ({
  ...(JSON.parse(readFileSync(join(ROOT, 'examples', 'requests', 'research.json'), 'utf8')) as Record<string, unknown>),
  title,
});

async function timeItemToFirstEmail(origin: string, mail: ReturnType<typeof mailWatcher>): Promise<{ ms: number[]; ids: { id: number; title: string }[] }> {
  const sp = createSp({ siteUrl: `${origin}/sites/aigov` });
  const repos = createRepositories(sp);
  const intake = intakeRequestShapeSchema.parse(example('warm-up'));
  const requester = await sp.web.ensureUser(`i:0#.f|membership|${intake.requester.email}`);
  const ms: number[] = [];
  const ids: { id: number; title: string }[] = [];
  // One request first, unmeasured: the first of anything loads code and opens databases.
  for (let i = -1; i < REQUESTS; i++) {
    const title = `Benchmark request ${i}`;
    const started = performance.now();
    const item = await repos.requests.create(requestItemFromIntake({ ...intake, title }, requester.Id));
    const { at } = await mail.waitFor(`first decision email for ${title}`, (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`));
    if (i >= 0) {
      ms.push(at - started);
      ids.push({ id: item.Id, title });
    }
  }
  return { ms, ids };
}

async function timeDecisionToNextEmail(origin: string, mail: ReturnType<typeof mailWatcher>, requests: { id: number; title: string }[]): Promise<number[]> {
  const ms: number[] = [];
  for (const { id, title } of requests) {
    const stage1 = await stageLinks(origin, mail, id, title);
    for (const [index, link] of stage1.entries()) {
      const page = await openDecision(link);
      const last = index === stage1.length - 1;
      const started = performance.now();
      const result = await submitDecision(link, page, 'approved');
      if (result.status !== 200) throw new Error(`Decision on request ${id} answered ${result.status}.`);
      if (last) {
        const { at } = await mail.waitFor(`next stage email for ${title}`, (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`));
        ms.push(at - started);
      }
    }
  }
  return ms;
}

/**
 * The decision links of the steps now pending on a request, one per step: from "Decision needed"
 * emails and from Teams activity notifications (roles that prefer Teams get no email).
 */
async function stageLinks(origin: string, mail: ReturnType<typeof mailWatcher>, id: number, title: string): Promise<string[]> {
  await mail.poll();
  const detail = (await (await fetch(`${origin}/api/requests/${id}`)).json()) as { steps: { code: string; status: string; attempt: number }[] };
  const pending = new Set(detail.steps.filter((s) => s.status === 'Pending' || s.status === 'Reminded').map((s) => s.code));
  const teams = (await (await fetch(`${origin}/dev/graph/messages.json`)).json()) as { body: { topic?: { webUrl: string }; previewText?: { content: string } } }[];
  const links = [
    ...mail.seen
      .filter((x) => x.subject.startsWith('Decision needed') && x.subject.includes(`“${title}”`))
      .reverse()
      .map((m) => m.links.find((l) => l.includes('/api/decisions/'))),
    ...teams.filter((t) => t.body.previewText?.content.includes(`“${title}”`)).map((t) => t.body.topic?.webUrl),
  ].filter((l): l is string => l?.includes('/api/decisions/') === true);
  const byStep = new Map<string, string>();
  for (const link of links) {
    const claims = JSON.parse(Buffer.from(new URL(link).pathname.split('/').pop()!.split('.')[1], 'base64url').toString()) as { stp: string };
    if (pending.has(claims.stp) && !byStep.has(claims.stp)) byStep.set(claims.stp, link);
  }
  return pending.size > 0 && byStep.size === pending.size ? [...byStep.values()] : [];
}

async function historyOfOneApprovedRequest(origin: string, mail: ReturnType<typeof mailWatcher>): Promise<Record<string, number>> {
  const title = 'Benchmark request taken to Approved';
  const res = await fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
  const { id } = (await res.json()) as { id: number };
  await mail.waitFor('first email of the request taken to Approved', (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const detail = (await (await fetch(`${origin}/api/requests/${id}`)).json()) as { status: string };
    if (detail.status === 'Approved') break;
    if (Date.now() > deadline) throw new Error(`${title} did not reach Approved within 60 s (it is ${detail.status}).`);
    const links = await stageLinks(origin, mail, id, title);
    for (const link of links) await submitDecision(link, await openDecision(link), 'approved');
    await new Promise((r) => setTimeout(r, links.length ? 100 : 20));
  }
  const base = `${origin}/runtime/webhooks/durabletask/instances`;
  const historyLength = async (instanceId: string): Promise<number> => {
    // The list says Approved a moment before the orchestration's last activity returns.
    for (let tries = 0; ; tries++) {
      const body = (await (await fetch(`${base}/${instanceId}?showHistory=true`)).json()) as { history?: unknown[]; runtimeStatus: string };
      if (body.runtimeStatus === 'Completed') return body.history?.length ?? 0;
      if (tries > 200) throw new Error(`${instanceId} is ${body.runtimeStatus}, not Completed.`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const steps = (await (await fetch(`${base}?instanceIdPrefix=request-${id}-step-&top=100`)).json()) as { instanceId: string }[];
  const request = await historyLength(`request-${id}`);
  const perStep = await Promise.all(steps.map((s) => historyLength(s.instanceId)));
  return { requestOrchestration: request, stepOrchestrations: perStep.length, largestStep: Math.max(...perStep), total: request + perStep.reduce((a, b) => a + b, 0) };
}

async function idleWithOpenRequests(runtime: { origin: string; child: ChildProcess }, mail: ReturnType<typeof mailWatcher>): Promise<Record<string, number>> {
  const started = performance.now();
  for (let i = 0; i < OPEN_REQUESTS; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, OPEN_REQUESTS - i) }, (_, j) =>
        fetch(`${runtime.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(`Open request ${i + j}`)) }).then((r) => r.arrayBuffer()),
      ),
    );
  }
  // Settled when no email has arrived for 3 s and the runtime used under 2% of a core for 5 s:
  // every request's first stage is assigned and its timers are all that is left.
  const pid = runtime.child.pid!;
  for (;;) {
    const count = mail.seen.length;
    const before = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, 5000));
    await mail.poll();
    if (count === mail.seen.length && processCpuMs(pid) - before < 100) break;
  }
  const startMs = performance.now() - started;
  const cpuBefore = processCpuMs(pid);
  const windowMs = 20_000;
  await new Promise((r) => setTimeout(r, windowMs));
  const cpuMs = processCpuMs(pid) - cpuBefore;
  return {
    openRequests: OPEN_REQUESTS,
    secondsToSubmitAndSettle: Math.round(startMs / 100) / 10,
    idleCpuPercent: Math.round((cpuMs / windowMs) * 1000) / 10,
    rssMB: processRssMb(pid),
  };
}

/** User + system CPU time of a process, from /proc (Linux), in milliseconds. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

function processRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(/(\d+)/.exec(line)![1]) / 1024);
}

function summary(values: number[]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
  return { n: sorted.length, p50: at(50), p95: at(95), max: Math.round(sorted[sorted.length - 1] * 10) / 10 };
}
