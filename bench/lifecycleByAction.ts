import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDecision, submitDecision } from '../local/devClient/decisionForm';
import { APP_USER_AGENT } from '../shared/sharepoint/spClient';
import { example, mailWatcher, stageLinks } from './support/approvalClient';
import { untilQuiet } from './support/quiet';
import { startRuntimeProcess } from './support/runtimeProcess';

interface TracedCall {
  kind: string;
  parts?: string[];
}

/**
 * Where one request lifecycle's SharePoint calls go, action by action: the request sent through
 * the API, then each approver's GET of the decision page and POST of the decision, each followed
 * by everything it set going (the app is left to go quiet before the next action, so no call is
 * counted twice or under the wrong action). For each action: its round trips (a `$batch` is one)
 * and, by kind, what they were (a `$batch` with its parts). One warm-up lifecycle goes first.
 * BENCH_LIFECYCLE_LATENCY (default 0) sets the emulator's latency; the counts do not depend on it.
 */
export async function benchLifecycleByAction(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-actions-'));
  const runtime = await startRuntimeProcess(dataDir, {
    env: { AIGOV_SHAREPOINT_NOTIFICATION_DELAY_MS: '0', SHAREPOINT_EMULATOR_LATENCY_MS: process.env.BENCH_LIFECYCLE_LATENCY ?? '0', SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE: 'off' },
  });
  const { origin } = runtime;
  try {
    const mail = mailWatcher(origin);
    const appCalls = async (): Promise<number> => ((await (await fetch(`${origin}/dev/sharepoint/traffic`)).json()) as { byApp: Record<string, { calls: number }> }).byApp[APP_USER_AGENT]?.calls ?? 0;
    const clock = async (): Promise<number> => ((await (await fetch(`${origin}/dev/sharepoint/traffic/calls?since=${Number.MAX_SAFE_INTEGER}`)).json()) as { now: number }).now;
    const traced = async (since: number): Promise<TracedCall[]> => ((await (await fetch(`${origin}/dev/sharepoint/traffic/calls?since=${since}`)).json()) as { calls: TracedCall[] }).calls;

    /** One action and what it set going: its round trips and their kinds. */
    async function measured<T>(action: () => Promise<T>): Promise<{ result: T; calls: number; kinds: Record<string, number> }> {
      await untilQuiet(appCalls);
      const [since, before] = [await clock(), await appCalls()];
      const result = await action();
      await untilQuiet(appCalls);
      const calls = (await appCalls()) - before;
      const kinds: Record<string, number> = {};
      for (const c of await traced(since)) {
        const kind = `${c.kind}${c.parts ? ` [${c.parts.join(', ')}]` : ''}`;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
      return { result, calls, kinds: Object.fromEntries(Object.entries(kinds).sort((a, b) => b[1] - a[1])) };
    }

    let actions: { action: string; calls: number; kinds: Record<string, number> }[] = [];
    for (const title of ['Lifecycle warm-up', 'Lifecycle request']) {
      actions = [];
      const sent = await measured(async () => {
        const res = await fetch(`${origin}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example(title)) });
        if (res.status !== 201) throw new Error(`Submitting "${title}" answered ${res.status}.`);
        return ((await res.json()) as { id: number }).id;
      });
      actions.push({ action: 'POST /api/requests (and the first stage)', calls: sent.calls, kinds: sent.kinds });
      for (let round = 0; round < 30; round++) {
        const { status } = (await (await fetch(`${origin}/api/requests/${sent.result}`)).json()) as { status: string };
        if (status === 'Approved') break;
        const links = await stageLinks(origin, mail, sent.result, title, true);
        for (const link of links) {
          const step = (JSON.parse(Buffer.from(new URL(link).pathname.split('/').pop()!.split('.')[1], 'base64url').toString()) as { stp: string }).stp;
          const page = await measured(() => openDecision(link));
          actions.push({ action: `GET decision page ${step}`, calls: page.calls, kinds: page.kinds });
          const decided = await measured(() => submitDecision(link, page.result, 'approved'));
          if (decided.result.status !== 200) throw new Error(`Deciding ${step} answered ${decided.result.status}.`);
          actions.push({ action: `POST decision ${step} (and what follows)`, calls: decided.calls, kinds: decided.kinds });
        }
        if (links.length === 0) await new Promise((r) => setTimeout(r, 200));
      }
    }
    return { callsPerLifecycle: actions.reduce((n, a) => n + a.calls, 0), actions };
  } finally {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
