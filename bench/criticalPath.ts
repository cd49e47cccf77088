import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeRequestShapeSchema } from '../shared/domain';
import { createRepositories, createSp } from '../shared/sharepoint';
import { requestItemFromIntake } from '../shared/sharepoint/requestItem';
import { openDecision, submitDecision } from '../local/devClient/decisionForm';
import { BENCH_USER_AGENT, example, mailWatcher, stageLinks } from './support/approvalClient';
import { startRuntimeProcess } from './support/runtimeProcess';
import { untilQuiet } from './support/quiet';
import { APP_USER_AGENT } from '../shared/sharepoint/spClient';

/**
 * The SharePoint calls on the two critical paths, call by call, under production-shaped latency
 * (BENCH_SHAPED_LATENCY, default 150+-50): a list item created → its first "Decision needed"
 * email, and a stage's last decision POST → the next stage's first email. For each path: the
 * calls that ended inside it in time order, and how many there were. It reads the emulator's
 * trace (`GET /dev/sharepoint/traffic/calls`), so it shows where a path waits, not just how long.
 */
export async function benchCriticalPath(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-path-'));
  const runtime = await startRuntimeProcess(dataDir, { env: { AIGOV_SHAREPOINT_NOTIFICATION_DELAY_MS: '0', SHAREPOINT_EMULATOR_LATENCY_MS: process.env.BENCH_SHAPED_LATENCY ?? '150+-50', SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: 'off' } });
  try {
    const mail = mailWatcher(runtime.origin);
    const clock = async (): Promise<number> => ((await (await fetch(`${runtime.origin}/dev/sharepoint/traffic/calls?since=${Number.MAX_SAFE_INTEGER}`)).json()) as { now: number }).now;
    const callsSince = async (since: number, until: number) => {
      const { calls } = (await (await fetch(`${runtime.origin}/dev/sharepoint/traffic/calls?since=${since}`)).json()) as { calls: { startMs: number; endMs: number; kind: string; parts?: string[]; status: number }[] };
      return calls.filter((c) => c.startMs >= since && c.endMs <= until).map((c) => `${c.startMs - since}-${c.endMs - since} ${c.status} ${c.kind}${c.parts ? ` [${c.parts.join('; ')}]` : ''}`);
    };
    const sp = createSp({ siteUrl: `${runtime.origin}/sites/aigov`, userAgent: BENCH_USER_AGENT });
    const repos = createRepositories(sp);
    const intake = intakeRequestShapeSchema.parse(example('warm-up'));
    const requester = await sp.web.ensureUser(`i:0#.f|membership|${intake.requester.email}`);
    const paths: Record<string, unknown> = {};
    // Warm up through the API (the list's webhook subscription is made once the runtime is up).
    const warm = await fetch(`${runtime.origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example('API warm-up')) });
    if (warm.status !== 201 && warm.status !== 202) throw new Error(`Submitting the warm-up answered ${warm.status}.`);
    await mail.waitFor('first email of the warm-up', (m) => m.subject.startsWith('Decision needed') && m.subject.includes('“API warm-up”'), 120_000);
    // Another request's calls would mix in.
    const quiet = () =>
      untilQuiet(async () => ((await (await fetch(`${runtime.origin}/dev/sharepoint/traffic`)).json()) as { byApp: Record<string, { calls: number }> }).byApp[APP_USER_AGENT]?.calls ?? 0);
    for (const title of ['Path warm-up', 'Path request']) {
      await quiet();
      const since = await clock();
      const item = await repos.requests.create(requestItemFromIntake({ ...intake, title }, requester.Id));
      await mail.waitFor(`first email of ${title}`, (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`), 120_000);
      const itemToEmail = await callsSince(since, await clock());
      await quiet();
      const links = await stageLinks(runtime.origin, mail, item.Id, title);
      let decisionToEmail: string[] = [];
      for (const [index, link] of links.entries()) {
        const page = await openDecision(link);
        if (index === links.length - 1) {
          await quiet();
          await mail.poll();
        }
        const start = await clock();
        const result = await submitDecision(link, page, 'approved');
        if (result.status !== 200) throw new Error(`Decision answered ${result.status}.`);
        if (index === links.length - 1) {
          await mail.waitFor(`next stage email for ${title}`, (m) => m.subject.startsWith('Decision needed') && m.subject.includes(`“${title}”`), 120_000);
          decisionToEmail = await callsSince(start, await clock());
        }
      }
      paths[title] = { itemToEmail: { calls: itemToEmail.length, trace: itemToEmail }, decisionToEmail: { calls: decisionToEmail.length, trace: decisionToEmail } };
    }
    return paths;
  } finally {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
