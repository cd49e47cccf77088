/**
 * What an approver's browser does with a decision link, for tests, benchmarks and scripts that
 * walk a request through without a browser: GET the page, keep its cookie, POST the form.
 */
export interface DecisionPage {
  status: number;
  html: string;
  cookie: string;
  csrf: string;
  checklist: string[];
}

/** What an approver's browser does: open the link (GET), keep the cookie, read the form. */
export async function openDecision(link: string, headers: Record<string, string> = {}): Promise<DecisionPage> {
  const res = await fetch(link, { headers });
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
  const checklist = [...html.matchAll(/name="confirm:([^"]+)"/g)].map((m) => m[1]);
  return { status: res.status, html, cookie, csrf, checklist };
}

/** Presses a button on the page (POST), with every checklist item confirmed unless told otherwise. */
export async function submitDecision(
  link: string,
  page: DecisionPage,
  outcome: 'approved' | 'rejected' | 'more-information' | 'not-required',
  options: { comments?: string; confirmAll?: boolean; csrf?: string; cookie?: string; origin?: string } = {},
): Promise<{ status: number; html: string }> {
  const form = new URLSearchParams({ csrf: options.csrf ?? page.csrf, outcome, comments: options.comments ?? '' });
  if (options.confirmAll ?? true) for (const id of page.checklist) form.set(`confirm:${id}`, 'yes');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', cookie: options.cookie ?? page.cookie };
  if (options.origin) headers.origin = options.origin;
  const res = await fetch(link, { method: 'POST', headers, body: form.toString() });
  return { status: res.status, html: await res.text() };
}

export const heading = (html: string): string => /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
