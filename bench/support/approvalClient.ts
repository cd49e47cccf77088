import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDecision, submitDecision } from '../../local/devClient/decisionForm';
import { intakeRequestShapeSchema } from '../../shared/domain';
import { createRepositories, createSp } from '../../shared/sharepoint';
import { requestItemFromIntake } from '../../shared/sharepoint/requestItem';
import { ROOT } from './runtimeProcess';

/** The measuring client's name to SharePoint, so its calls are not counted as the app's. */
export const BENCH_USER_AGENT = 'NONISV|NHS|AIGovernanceBenchmark/0.1';

/** What the benchmarks read of the runtime's mailbox, email by email. */
export interface Mail {
  id: number;
  to: string[];
  subject: string;
  links: string[];
}

/** Reads only new messages (`?after=`), so polling a mailbox of thousands stays cheap. */
export function mailWatcher(origin: string) {
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

export type MailWatcher = ReturnType<typeof mailWatcher>;

/** The example research request, under another title. */
export const example = (title: string): Record<string, unknown> => ({
  ...(JSON.parse(readFileSync(join(ROOT, 'examples', 'requests', 'research.json'), 'utf8')) as Record<string, unknown>),
  title,
});

/**
 * The decision links of the steps now pending on a request, one per step: from "Decision needed"
 * emails and from Teams activity notifications (roles that prefer Teams get no email).
 */
export async function stageLinks(origin: string, mail: MailWatcher, id: number, title: string, everyApprover = false): Promise<string[]> {
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
  // One link per step, or with `everyApprover` per step and approver: a joint step waits for each
  // of its roles, so the link of a role that has decided must not be the only one taken.
  const byApprover = new Map<string, string>();
  for (const link of links) {
    const claims = JSON.parse(Buffer.from(new URL(link).pathname.split('/').pop()!.split('.')[1], 'base64url').toString()) as { stp: string; sub: string };
    const key = everyApprover ? `${claims.stp}/${claims.sub}` : claims.stp;
    if (pending.has(claims.stp) && !byApprover.has(key)) byApprover.set(key, link);
  }
  const covered = new Set([...byApprover.keys()].map((k) => k.split('/')[0]));
  return pending.size > 0 && covered.size === pending.size ? [...byApprover.values()] : [];
}

/**
 * Item created through PnPjs (as the list form does) → its first "Decision needed" email, one
 * request at a time, after one unmeasured warm-up.
 */
export async function timeItemToFirstEmail(origin: string, mail: MailWatcher, count: number, prefix = 'Benchmark request'): Promise<{ ms: number[]; ids: { id: number; title: string }[] }> {
  const sp = createSp({ siteUrl: `${origin}/sites/aigov`, userAgent: BENCH_USER_AGENT });
  const repos = createRepositories(sp);
  const intake = intakeRequestShapeSchema.parse(example('warm-up'));
  const requester = await sp.web.ensureUser(`i:0#.f|membership|${intake.requester.email}`);
  const ms: number[] = [];
  const ids: { id: number; title: string }[] = [];
  // One request first, unmeasured: the first of anything loads code and opens databases.
  for (let i = -1; i < count; i++) {
    const title = `${prefix} ${i}`;
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

/** The last decision POST of a request's first stage → the next stage's first email. */
export async function timeDecisionToNextEmail(origin: string, mail: MailWatcher, requests: { id: number; title: string }[]): Promise<number[]> {
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
 * Approves every pending step from its emailed or Teams link until the request is Approved;
 * returns how many times it read the request's status (GET /api/requests/{id}) on the way.
 */
export async function approveToTheEnd(origin: string, mail: MailWatcher, id: number, title: string, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let statusReads = 1; ; statusReads += 2) {
    const detail = (await (await fetch(`${origin}/api/requests/${id}`)).json()) as { status: string };
    if (detail.status === 'Approved') return statusReads;
    if (Date.now() > deadline) throw new Error(`${title} did not reach Approved within ${timeoutMs / 1000} s (it is ${detail.status}).`);
    const links = await stageLinks(origin, mail, id, title, true);
    for (const link of links) await submitDecision(link, await openDecision(link), 'approved');
    await new Promise((r) => setTimeout(r, links.length ? 100 : 20));
  }
}

/** p50, p95 and the largest of some timings, to a tenth of a millisecond. */
export function summary(values: number[]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
  return { n: sorted.length, p50: at(50), p95: at(95), max: Math.round(sorted[sorted.length - 1] * 10) / 10 };
}
