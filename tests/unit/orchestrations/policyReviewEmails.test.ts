import { defaultEmailTemplates, PolicyReviewSchema, ToolReviewSchema, type PolicyReviewNotice, type ToolReviewNotice } from '../../../shared/notify';
import { unexplainedAbbreviations, visibleText } from '../../support/plainEnglish';

// What the review messages say: plain English, every link in both bodies, user text escaped.
const base = 'https://aigov.example.nhs.uk';
const policy = { title: 'Artificial Intelligence Policy', version: '1.0', owner: 'Chief Medical Officer', reviewUrl: `${base}/api/policies/1/review` };
const tool = { title: 'Ambient voice notes', product: 'Scribe', supplier: 'Example Ltd', requestUrl: `${base}/api/requests/12/page` };
const attestationUrl = `${base}/api/attestations/abc.def.ghi`;

const policyCases: [string, PolicyReviewNotice, RegExp, string[]][] = [
  ['reminder 90 days before', { stage: 'reminder', policy, dueDate: '2027-01-06', daysLeft: 90 }, /^Policy review due in 90 days: “Artificial Intelligence Policy”$/, [policy.reviewUrl]],
  ['reminder on the day', { stage: 'reminder', policy, dueDate: '2027-01-06', daysLeft: 0 }, /^Policy review due today: “Artificial Intelligence Policy”$/, [policy.reviewUrl]],
  ['overdue, reported to the committee', { stage: 'overdue', policy, dueDate: '2027-01-06', daysOverdue: 7, reportedTo: 'Audit and Risk Assurance Committee' }, /^Policy review overdue by 7 days/, [policy.reviewUrl]],
  ['review recorded', { stage: 'completed', policy: { ...policy, version: '1.1' }, approvedOn: '2027-01-06', nextDueDate: '2029-01-06' }, /^Policy review recorded: “Artificial Intelligence Policy” version 1.1$/, [policy.reviewUrl]],
  ['date moved', { stage: 'date-moved', policy, previousDueDate: '2027-01-06', dueDate: '2026-11-15' }, /^Policy review date changed: “Artificial Intelligence Policy” now due by Sunday 15 November 2026$/, [policy.reviewUrl]],
];

const toolCases: [string, ToolReviewNotice, RegExp, string[]][] = [
  ['reminder with the answer link', { stage: 'reminder', tool, dueDate: '2027-03-01', daysLeft: 30, answerAs: 'Information Governance', attestationUrl }, /^Approved tool review due in 30 days: “Ambient voice notes”$/, [attestationUrl, tool.requestUrl]],
  ['overdue, to someone who has not answered', { stage: 'overdue', tool, dueDate: '2027-03-01', daysOverdue: 7, waitingFor: ['Information Governance'], attestationUrl }, /^Approved tool review overdue by 7 days/, [attestationUrl, tool.requestUrl]],
  ['overdue, to the governance team', { stage: 'overdue', tool, dueDate: '2027-03-01', daysOverdue: 30, waitingFor: ['the person who asked for the tool', 'Information Governance'] }, /^Approved tool review overdue by 30 days/, [tool.requestUrl]],
  ['confirmed unchanged', { stage: 'confirmed', tool, nextDueDate: '2029-01-06' }, /^Approved tool review complete/, [tool.requestUrl]],
  ['changed, back to approval', { stage: 'changed', tool, changes: ['The supplier has changed'], newRequestUrl: `${base}/api/requests/40/page` }, /^Approved tool changed, approval needed again/, [`${base}/api/requests/40/page`, tool.requestUrl]],
];

const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe.each([
  ...policyCases.map(([name, model, subject, links]) => [`policy: ${name}`, defaultEmailTemplates.policyReview(PolicyReviewSchema.parse(model)), subject, links] as const),
  ...toolCases.map(([name, model, subject, links]) => [`tool: ${name}`, defaultEmailTemplates.toolReview(ToolReviewSchema.parse(model)), subject, links] as const),
])('review email, %s', (_name, email, subject, links) => {
  it('has the expected subject on one line', () => {
    expect(email.subject).toMatch(subject);
  });

  it('carries its links in both bodies, and no others', () => {
    expect(new Set(hrefs(email.html))).toEqual(new Set(links));
    for (const link of links) expect(email.text).toContain(link);
  });

  it('is plain English, with link text that says where it goes', () => {
    expect(unexplainedAbbreviations(email.subject)).toEqual([]);
    expect(unexplainedAbbreviations(email.text)).toEqual([]);
    expect(unexplainedAbbreviations(visibleText(email.html))).toEqual([]);
    for (const [, text] of email.html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) expect(text).toMatch(/^Open/);
  });
});

describe('review emails', () => {
  it('escape a hostile policy title in HTML and keep it on one subject line', () => {
    const email = defaultEmailTemplates.policyReview({ stage: 'reminder', policy: { ...policy, title: 'AI <script>x</script>\r\nBcc: a@b.c' }, dueDate: '2027-01-06', daysLeft: 7 });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('AI &lt;script&gt;x&lt;/script&gt;');
    expect(email.subject).toBe('Policy review due in 7 days: “AI <script>x</script> Bcc: a@b.c”');
  });

  it('refuse a link that is not http(s)', () => {
    expect(ToolReviewSchema.safeParse({ stage: 'confirmed', tool: { ...tool, requestUrl: 'javascript:alert(1)' }, nextDueDate: '2029-01-06' }).success).toBe(false);
  });
});
