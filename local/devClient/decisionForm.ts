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
export async function openDecision(link: string): Promise<DecisionPage> {
  const res = await fetch(link);
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
  const checklist = [...html.matchAll(/name="confirm:([^"]+)"/g)].map((m) => m[1]);
  return { status: res.status, html, cookie, csrf, checklist };
}

/**
 * Presses a button on the page (POST), with every checklist item confirmed unless told otherwise;
 * an item given in `reasons` is left unticked with that reason instead.
 */
export async function submitDecision(
  link: string,
  page: DecisionPage,
  outcome: 'approved' | 'rejected' | 'more-information' | 'not-required',
  options: { comments?: string; confirmAll?: boolean; reasons?: Record<string, string>; csrf?: string; cookie?: string; origin?: string } = {},
): Promise<{ status: number; html: string }> {
  const form = new URLSearchParams({ csrf: options.csrf ?? page.csrf, outcome, comments: options.comments ?? '' });
  const reasons = options.reasons ?? {};
  if (options.confirmAll ?? true) for (const id of page.checklist) if (!(id in reasons)) form.set(`confirm:${id}`, 'yes');
  for (const [id, reason] of Object.entries(reasons)) form.set(`reason:${id}`, reason);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', cookie: options.cookie ?? page.cookie };
  if (options.origin) headers.origin = options.origin;
  const res = await fetch(link, { method: 'POST', headers, body: form.toString() });
  return { status: res.status, html: await res.text() };
}

export const heading = (html: string): string => /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
