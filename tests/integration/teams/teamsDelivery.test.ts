import { createInMemorySentMessageStore, type StepAssigned, type WeeklyDigest } from '../../../shared/notify';
import { createTeamsNotifier, RateLimiter, type AdaptiveCard, type ActivityNotification, type TeamsNotifierOptions } from '../../../shared/notify/teams';
import { decisionUrl, variants } from '../../unit/notify/fixtures';
import { busiestWindow, fakeTiming } from '../../unit/teams/fakeTiming';
import { useTeamsWorld } from './graphHarness';

// One fake time for the notifier and the stand-in: retries and rate limiting skip time, never wait.
const timing = fakeTiming();
const world = useTeamsWorld(timing);

const stepAssigned = variants.find((v) => v.kind === 'stepAssigned')!.model as StepAssigned;
const approver = { email: 'ig.manager@example.nhs.uk', userId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', chatId: '19:6f1c2a3b_service@unq.gbl.spaces' };

function teams(options: Partial<TeamsNotifierOptions> = {}) {
  return createTeamsNotifier({
    client: world().graphClient(),
    store: createInMemorySentMessageStore(),
    timing,
    fallback: world().email,
    deliver: { activityFeed: true, chatCard: true },
    ...options,
  });
}

const buttonsOf = (card: AdaptiveCard) => card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));

describe('Teams messages through the real Graph client to the Graph stand-in', () => {
  it('sends an activity notification to the approver and a card to their chat, both opening the decision page', async () => {
    const result = await teams().send('stepAssigned', approver, stepAssigned, 'request-12/step-ig/assigned');

    expect(result).toEqual({ channel: 'teams', status: 'sent', messageId: expect.stringMatching(/^teams:[0-9a-f]{64}$/) });
    const messages = await world().teamsMessages();
    const activity = messages.find((m) => m.kind === 'activityNotification')!;
    const chat = messages.find((m) => m.kind === 'chatMessage')!;
    expect(messages).toHaveLength(2);
    expect(activity.userId).toBe(approver.userId);
    expect(activity.body as ActivityNotification).toMatchObject({ activityType: 'systemDefault', topic: { source: 'text', webUrl: decisionUrl } });
    expect(chat.chatId).toBe(approver.chatId);
    expect(chat.card!.version).toBe('1.5');
    expect(buttonsOf(chat.card!)[0]).toMatchObject({ type: 'Action.OpenUrl', url: decisionUrl });
  });

  it('begins the activity notification\'s record with the message\'s own, and a repeat sends nothing', async () => {
    const memory = createInMemorySentMessageStore();
    const begun: string[][] = [];
    let moment: string[] | undefined;
    // Records begun before the moment's other work has had its turn share a moment (and a `$batch`).
    const store = {
      ...memory,
      begin: (intent: Parameters<typeof memory.begin>[0]) => {
        if (!moment) {
          begun.push((moment = []));
          setImmediate(() => (moment = undefined));
        }
        moment.push(intent.idempotencyKey);
        // Answered a moment later, as a round trip would be.
        return new Promise<void>((resolve) => setImmediate(resolve)).then(() => memory.begin(intent));
      },
    };
    const key = 'request-12/step-ig/assigned';

    await teams({ store, deliver: { activityFeed: true } }).send('stepAssigned', approver, stepAssigned, key);
    const again = await teams({ store, deliver: { activityFeed: true } }).send('stepAssigned', approver, stepAssigned, key);

    expect(begun).toEqual([[`teams:${key}`, `teams:${key}#activity`], [`teams:${key}`, `teams:${key}#activity`]]);
    expect(again.status).toBe('already-sent');
    expect(await world().teamsMessages()).toHaveLength(1);
  });

  it('answers 401 without a bearer token and 400 naming the field for a bad body', async () => {
    const url = `${world().graph.appSettings!().GRAPH_BASE_URL}/v1.0/users/${approver.userId}/teamwork/sendActivityNotification`;
    const body = JSON.stringify({ topic: { source: 'text', value: 'x', webUrl: decisionUrl }, activityType: 'approvalNeeded', previewText: { content: 'x' }, templateParameters: [{ name: 'systemDefaultText', value: 'x' }] });

    const anonymous = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const bad = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer t' } });

    expect(anonymous.status).toBe(401);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('activityType: activityType must be declared in the Teams app manifest, or be systemDefault');
    expect(await world().teamsMessages()).toEqual([]);
  });

  it('absorbs a burst of three 429 answers, honouring Retry-After, without losing or repeating a message', async () => {
    await world().injectFaults({ status: 429, count: 3, retryAfter: 1 });
    const notifier = teams();
    timing.sleeps.length = 0;

    const first = await notifier.send('stepAssigned', approver, stepAssigned, 'request-12/step-ig/burst');
    const again = await notifier.send('stepAssigned', approver, stepAssigned, 'request-12/step-ig/burst');

    expect(first.status).toBe('sent');
    expect(again).toEqual({ ...first, status: 'already-sent' });
    expect(timing.sleeps.filter((ms) => ms === 1000)).toHaveLength(3);
    const messages = await world().teamsMessages();
    expect(messages.map((m) => m.kind).sort()).toEqual(['activityNotification', 'chatMessage']);
  });

  it('falls back to email when Teams stays unavailable, and says so for the audit log', async () => {
    await world().injectFaults({ status: 503, count: 1000 });

    const result = await teams().send('stepAssigned', approver, stepAssigned, 'request-12/step-ig/outage');

    expect(result).toMatchObject({ channel: 'email', status: 'sent', fellBackFrom: 'teams' });
    expect(result.reason).toBe('Microsoft Graph was unavailable for the activity feed notification: status 503 ServiceUnavailable, 4 attempts in a row.');
    expect(await world().teamsMessages()).toEqual([]);
    const [mail, ...others] = await world().mailMessages();
    expect(others).toEqual([]);
    expect(mail.to).toEqual([approver.email]);
    expect(mail.links).toContain(decisionUrl);
  });

  it('sends the weekly digest by email, saying why', async () => {
    const digest = variants.find((v) => v.kind === 'weeklyDigest')!.model as WeeklyDigest;

    const result = await teams().send('weeklyDigest', approver, digest, 'digest/2026-11-27');

    expect(result).toMatchObject({ channel: 'email', fellBackFrom: 'teams', reason: 'The weekly digest is sent by email only: it is too long for a Teams card.' });
    expect(await world().mailMessages()).toHaveLength(1);
  });

  it('shows a title with markup as text in the card and on the Teams tab of the dev mailbox', async () => {
    const title = '<b>x</b> & <script>alert(1)</script>';

    await teams().send('stepAssigned', approver, { ...stepAssigned, request: { ...stepAssigned.request, title } }, 'request-13/step-ig/assigned');

    const chat = (await world().teamsMessages()).find((m) => m.kind === 'chatMessage')!;
    const runs = chat.card!.body.flatMap((e) => (e.type === 'RichTextBlock' ? e.inlines.map((r) => r.text) : []));
    expect(runs).toContain(title);
    const tab = await (await fetch(`${world().origin}/dev/mailbox?tab=teams`)).text();
    const cardPage = await (await fetch(`${world().origin}/dev/graph/messages/${chat.id}`)).text();
    for (const html of [tab, cardPage]) {
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('<b>x</b>');
      expect(html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    }
    expect(cardPage).toContain(`<a href="${decisionUrl}">`);
  });

  it('sends 20 notifications made at once at no more than 5 a second', async () => {
    // Each Graph request leaves as soon as the limiter grants it a turn, so the grant times are the departure times.
    const departures: number[] = [];
    class RecordingLimiter extends RateLimiter {
      override async take(): Promise<void> {
        await super.take();
        departures.push(timing.now());
      }
    }
    const notifier = teams({ deliver: { activityFeed: true }, limiter: new RecordingLimiter(timing, { perSecond: 5 }) });

    await Promise.all(Array.from({ length: 20 }, (_, i) => notifier.send('stepAssigned', approver, stepAssigned, `request-${100 + i}/step-ig/assigned`)));

    expect(await world().teamsMessages()).toHaveLength(20);
    expect(departures).toHaveLength(20);
    expect(busiestWindow(departures)).toBe(5);
  });
});
