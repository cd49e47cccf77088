import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EQUALITY_GROUPS } from '../../../shared/domain';
import { eventually, repoRoot, startRuntime, type RuntimeProcess } from '../../support/runtime';
import { heading, linksForOpenSteps, openDecision, submitDecision } from './decisionClient';

type Intake = Record<string, unknown> & { title: string; use: Record<string, unknown> };
interface PlannedStep { code: string; role: string; reason: string }

const noDisadvantage = () => Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, { disadvantage: false }])) as Record<string, { disadvantage: boolean; mitigation?: string }>;
/** A free tool that changes how a service works: the equality screening is asked (policy Appendix 1). */
const serviceChange = (title: string, equalityScreening?: ReturnType<typeof noDisadvantage>): Intake => {
  const base = JSON.parse(readFileSync(join(repoRoot, 'examples', 'requests', 'public-generic.json'), 'utf8')) as Intake;
  return { ...base, title, use: { ...base.use, serviceChange: true }, ...(equalityScreening ? { equalityScreening } : {}) };
};

describe('the equality screening and the Equality and Quality Impact Assessment step', () => {
  let rt: RuntimeProcess;
  const post = (path: string, body: unknown) => fetch(`${rt.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const stepsOf = async (res: Response): Promise<PlannedStep[][]> => ((await res.json()) as { stages: PlannedStep[][] }).stages;

  beforeAll(async () => {
    rt = await startRuntime({ virtualClock: true, virtualStart: '2026-12-01T09:00:00Z' });
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it('is asked when the tool changes a service: a request without it is refused, naming the field, and nothing is saved', async () => {
    const res = await post('/api/requests', serviceChange('Rota chatbot without the equality screening'));
    expect(res.status).toBe(400);
    const { refused } = (await res.json()) as { refused: { field: string; message: string }[] };
    expect(refused).toEqual([{ field: 'equalityScreening', message: expect.stringContaining('could the tool put it at a disadvantage?') }]);
    const listed = (await (await fetch(`${rt.origin}/sites/aigov/_api/web/lists/getByTitle('AI%20Requests')/items?$select=Title&$top=500`, { headers: { accept: 'application/json;odata=nometadata' } })).json()) as { value: { Title: string }[] };
    expect(listed.value.map((i) => i.Title)).not.toContain('Rota chatbot without the equality screening');
    // Answered with no group at a disadvantage: no assessment step.
    const none = await post('/api/route', serviceChange('Rota chatbot, no disadvantage', noDisadvantage()));
    expect(none.status).toBe(200);
    expect((await stepsOf(none)).flat().map((s) => s.code)).not.toContain('EQIA');
  });

  it('a possible disadvantage adds the assessment for the equality lead before implementation, which cannot be approved unticked', async () => {
    const answers = { ...noDisadvantage(), disability: { disadvantage: true, mitigation: 'The voice menu is being tested with screen reader users.' } };
    const body = serviceChange('Rota chatbot with a possible disadvantage', answers);
    const res = await post('/api/requests', body);
    expect(res.status).toBe(201);
    const { id, stages } = (await res.clone().json()) as { id: number; stages: PlannedStep[][] };
    expect(stages.map((stage) => stage.map((s) => s.code))).toEqual([['IG_NOTIFY'], ['EQIA'], ['WORKFORCE']]);
    const eqia = stages[1][0];
    expect(eqia.role).toBe('Equality lead');
    expect(eqia.reason).toContain('the equality screening found a possible disadvantage for disability');

    const used = new Set<string>();
    const [ig] = await eventually(() => linksForOpenSteps(rt, id, body.title, used), 'the notification link');
    used.add(ig.link);
    expect(heading((await submitDecision(ig.link, await openDecision(ig.link), 'approved')).html)).toBe('Decision recorded');

    // The notification role hears by email and Teams: its second link is set aside once the step moves on.
    const [step] = await eventually(() => linksForOpenSteps(rt, id, body.title, used).then((l) => (l?.[0]?.code === 'EQIA' ? l : undefined)), 'the assessment link');
    const detail = (await (await fetch(`${rt.origin}/api/requests/${id}`)).json()) as { steps: { code: string; assignee: string }[] };
    expect(detail.steps.find((s) => s.code === 'EQIA')?.assignee).toBe('kwame.asante@example.nhs.uk');

    // The full assessment completed is a condition of approval: not waived with a reason.
    const page = await openDecision(step.link);
    const form = new URLSearchParams({ csrf: page.csrf, outcome: 'approved', comments: '' });
    for (const item of page.checklist) if (item !== 'assessment-completed') form.set(`confirm:${item}`, 'yes');
    form.set('reason:assessment-completed', 'It will be done after launch.');
    const waived = await fetch(step.link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie }, body: form.toString() });
    expect(waived.status).toBe(400);
    expect(await waived.text()).toContain('(assessment-completed): the policy makes it a condition of approval');
    used.add(step.link);
    expect(heading((await submitDecision(step.link, page, 'approved')).html)).toBe('Decision recorded');
    await eventually(() => linksForOpenSteps(rt, id, body.title, used).then((l) => (l?.[0]?.code === 'WORKFORCE' ? l : undefined)), 'staff consultation next');
  });
});
