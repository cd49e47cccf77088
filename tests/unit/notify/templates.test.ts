import { defaultEmailTemplates, type NotificationKind, type NotificationModels, type RenderedEmail } from '../../../shared/notify';
import { decisionUrl, replyUrl, variants, type Variant } from './fixtures';
import { unexplainedAbbreviations, visibleText } from '../../support/plainEnglish';

function renderVariant(v: Variant): RenderedEmail {
  const template = defaultEmailTemplates[v.kind] as (m: NotificationModels[NotificationKind]) => RenderedEmail;
  return template(v.model);
}

const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe.each(variants.map((v) => [v.name, v] as const))('email template: %s', (_name, v) => {
  const email = renderVariant(v);

  it('has the expected subject on one line', () => {
    expect(email.subject).toMatch(v.subject);
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('carries every link in both the HTML and the plain-text body, and no others', () => {
    expect(new Set(hrefs(email.html))).toEqual(new Set(v.links));
    for (const link of v.links) expect(email.text).toContain(link);
  });

  it('is plain English: no abbreviation without its full name first', () => {
    expect(unexplainedAbbreviations(email.subject)).toEqual([]);
    expect(unexplainedAbbreviations(email.text)).toEqual([]);
    expect(unexplainedAbbreviations(visibleText(email.html))).toEqual([]);
  });

  it('is accessible HTML: language, one main heading, link text that names the destination', () => {
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en"/);
    expect(email.html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(email.html).toContain(`<title>${email.subject.replace(/&/g, '&amp;')}</title>`);
    const linkTexts = [...email.html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    for (const text of linkTexts) expect(text).toMatch(/^Open|^Read/);
    expect(email.html).not.toMatch(/click here/i);
  });

  it('says what personal information it holds and that replies are not read', () => {
    expect(email.text).toContain(v.footer ?? 'It holds no patient or personal information');
    expect(email.text).toContain('Replies to this address are not read.');
  });
});

describe('email templates escape user text', () => {
  const hostile = 'Notes <script>alert(1)</script> & "quotes" \'apostrophes\'';
  const email = defaultEmailTemplates.stepAssigned({
    request: { title: hostile, requestType: 'New <b>tool</b>', stage: 'Review & sign-off', requestUrl: 'https://aigov.example.nhs.uk/requests/1?a=1&b=2' },
    step: { name: 'Data protection review', role: 'Information Governance manager', reason: '<img src=x onerror=alert(1)>', due: '2027-01-06' },
    decisionUrl,
  });

  it('never lets user text become markup', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('Notes &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;apostrophes&#39;');
    expect(email.html).toContain('href="https://aigov.example.nhs.uk/requests/1?a=1&amp;b=2"');
  });

  it('keeps the plain-text body and subject readable (no HTML entities)', () => {
    expect(email.text).toContain(hostile);
    expect(email.subject).toContain(hostile);
  });

  it('puts a multi-line title on one subject line', () => {
    const multiLine = defaultEmailTemplates.outcome({
      outcome: 'withdrawn',
      request: { title: 'First line\r\nBcc: someone@example.org', requestType: 'New tool', requestUrl: 'https://aigov.example.nhs.uk/requests/1' },
    });
    expect(multiLine.subject).toBe('Withdrawn: “First line Bcc: someone@example.org”');
  });
});

describe('weekly digest with nothing to report', () => {
  it('says so in each section rather than leaving it empty', () => {
    const email = defaultEmailTemplates.weeklyDigest({
      weekEnding: '2026-11-27',
      dashboardUrl: 'https://aigov.example.nhs.uk/dashboard',
      overdueSteps: [],
      reviewsDue: [],
      openIncidents: [],
    });
    expect(email.subject).toBe('Weekly governance summary: 0 overdue steps, 0 reviews due, 0 open incidents');
    expect(email.text).toContain('No steps are overdue.');
    expect(email.text).toContain('No reviews are due.');
    expect(email.text).toContain('No incidents are open.');
  });
});

describe('messages that keep their word', () => {
  const render = (name: string): RenderedEmail => renderVariant(variants.find((v) => v.name === name)!);

  it('a re-review says it is a resubmission and shows the question, the reply and each change, before and after', () => {
    const { text, html } = render('step asked again after a reply');
    expect(text).toContain('This request has been sent back to you after the requester answered a question from the Information Governance manager.');
    expect(text).toContain('Where are the recordings stored, and for how long?');
    expect(text).toContain('In the supplier’s United Kingdom data centre, for 30 days.');
    expect(text).toContain('Whether data leaves the United Kingdom: was “Yes”, now “No”');
    expect(visibleText(html)).toContain('Whether data leaves the United Kingdom: was “Yes”, now “No”');
  });

  it('a first assignment promises nothing that does not exist (no delegation)', () => {
    const { text } = render('step assigned');
    expect(text).not.toMatch(/delegate|away/i);
    expect(text).not.toContain('sent back to you');
  });

  it('the receipt gives the reference, the route in order, and says which emails follow', () => {
    const { text } = render('receipt when a request is sent');
    expect(text).toContain('Its reference is 12.');
    expect(text).toContain('It will be reviewed in 2 stages, one after another:');
    expect(text).toContain('Stage 1: Information governance notification (Senior Information Governance Manager)');
    expect(text).toContain('Stage 2: Data protection review (Information Governance manager); Finance and procurement (Head of Procurement)');
    expect(text).toContain('We will email you when each stage is complete, if a reviewer needs more information from you, and with the outcome.');
  });

  it('a stage message names what was approved and who has the request now', () => {
    const { text } = render('stage complete');
    expect(text).toContain('These steps of your request have been approved: Information governance notification.');
    expect(text).toContain('Stage 2 has now begun.');
    expect(text).toContain('Stage 2: Data protection review (Information Governance manager)');
  });

  it('more information needed links to the reply page', () => {
    const { text } = render('more information needed');
    expect(text).toContain(`Read the question and reply about “Ambient voice notes for outpatient clinics”:\n${replyUrl}`);
  });

  it('the withdrawal notice tells an approver their decision is not needed and the link no longer works', () => {
    const { text } = render('withdrawn, to an approver with an open step');
    expect(text).toContain('so your decision as the Information Governance manager (Data protection review) is no longer needed. The decision link you were sent no longer works.');
  });
});
