import { planRoute, type Route } from '../../../shared/domain';
import { requestStatusPage, type RequestStatusView } from '../../../shared/web/requestStatusPage';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const route = planRoute(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'requests', 'research.json'), 'utf8'))) as Route;

const view = (over: Partial<RequestStatusView> = {}): RequestStatusView => ({
  id: 7,
  title: '<script>alert("x")</script> & friends',
  type: 'Research',
  status: 'In review',
  risk: 'medium',
  route,
  steps: [],
  decisionSummary: null,
  reviewDue: null,
  history: [{ at: '2026-12-01T09:00:00Z', what: 'Request submitted: <b>bold</b>', by: 'a@example.nhs.uk' }],
  ...over,
});

describe('request page', () => {
  it('shows people’s text as text, never as markup', () => {
    const html = requestStatusPage(view({ steps: [{ code: route.stages[0][0].code, attempt: 1, status: 'Completed', outcome: 'Approved', assignee: 'x@example.nhs.uk', due: null, respondedAt: '2026-12-02T10:00:00Z', comments: '<img src=x onerror=alert(1)>' }] }));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends');
    expect(html).toContain('Comments: &lt;img src=x onerror=alert(1)&gt;');
  });

  it('lists every planned step by stage with its reason, and says where each one is', () => {
    const first = route.stages[0][0];
    const html = requestStatusPage(view({ steps: [{ code: first.code, attempt: 1, status: 'Pending', outcome: null, assignee: 'ig@example.nhs.uk', due: '2026-12-08T17:00:00Z', respondedAt: null, comments: null }] }));
    expect(html).toContain('Stage 1');
    expect(html).toContain(`Stage ${route.stages.length}`);
    expect(html).toContain('Pending: with ig@example.nhs.uk, due 8 December 2026');
    expect(html).toContain('Not started yet');
    for (const step of route.stages.flat()) expect(html).toContain(step.reason.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;'));
  });
});
