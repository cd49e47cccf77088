import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approveToTheEnd, example, mailWatcher, summary, timeDecisionToNextEmail, timeItemToFirstEmail, type MailWatcher } from './support/approvalClient';
import { startRuntimeProcess } from './support/runtimeProcess';

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

export async function benchApproval(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-approval-'));
  const runtime = await startRuntimeProcess(dataDir, { env: { AIGOV_SHAREPOINT_NOTIFICATION_DELAY_MS: '0' } });
  try {
    const mail = mailWatcher(runtime.origin);
    const itemToEmail = await timeItemToFirstEmail(runtime.origin, mail, REQUESTS);
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

async function historyOfOneApprovedRequest(origin: string, mail: MailWatcher): Promise<Record<string, number>> {
  const title = 'Benchmark request taken to Approved';
  const res = await fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
  const { id } = (await res.json()) as { id: number };
  await mail.waitFor('first email of the request taken to Approved', (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`));
  await approveToTheEnd(origin, mail, id, title);
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

async function idleWithOpenRequests(runtime: { origin: string; child: ChildProcess }, mail: MailWatcher): Promise<Record<string, number>> {
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
