import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { toFieldMessages } from '../../shared/domain';
import { publicRegister, publishedTransparencyRecord, type PublicRegisterSource } from '../../shared/register/publicRegister';
import { PUBLIC_REGISTER_ROUTE } from '../../shared/register/publicRegisterLinks';
import { publicRegisterPage } from '../../shared/register/publicRegisterPage';
import { registerCsv } from '../../shared/register/registerCsv';
import { appServices } from '../../app/services';
import { badRequest } from '../../shared/web/http';
import { unreadableRows } from '../../shared/web/unreadableRows';

/**
 * The public register (AI Policy: "maintain a public register of AI research initiatives"; the
 * staff page: tell people where AI is used): readable by anyone, with no sign-in and no cookie.
 * Only published entries and published transparency records are shown. These routes are in
 * shared/access/anonymousPaths.ts, the one list of paths App Service authentication lets through.
 */
const querySchema = z.object({
  q: z.string().trim().max(100, 'search for at most 100 characters').default(''),
});

// Public answers: nothing set on the browser, nothing framed, and the data may be read from any site.
const PUBLIC_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
const DATA_HEADERS = { ...PUBLIC_HEADERS, 'access-control-allow-origin': '*' };

function source(left: ReturnType<typeof unreadableRows>): PublicRegisterSource {
  const { repos, settings } = appServices();
  return { register: repos.register, publicBaseUrl: settings.PUBLIC_BASE_URL, contact: settings.GOVERNANCE_LEAD_EMAIL, onUnreadable: left.onUnreadable };
}

function searchWords(request: HttpRequest): string | HttpResponseInit {
  const query = querySchema.safeParse({ q: request.query.get('q') ?? undefined });
  return query.success ? query.data.q : badRequest(toFieldMessages(query.error));
}

export async function publicRegisterHtml(request: HttpRequest): Promise<HttpResponseInit> {
  const q = searchWords(request);
  if (typeof q !== 'string') return q;
  const left = unreadableRows();
  const from = source(left);
  // Every entry is on the page (the script filters them as people type); the search marks the rest hidden.
  const entries = await publicRegister(from);
  const views = await Promise.all(entries.map(async (entry) => ({ entry, record: entry.transparencyRecord ? await publishedTransparencyRecord(from, entry.id) : undefined })));
  const nonce = randomBytes(16).toString('base64');
  return left.respond({
    status: 200,
    body: publicRegisterPage(views, q, from.contact, nonce),
    headers: {
      ...PUBLIC_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'x-frame-options': 'DENY',
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    },
  });
}

export async function publicRegisterJson(request: HttpRequest): Promise<HttpResponseInit> {
  const q = searchWords(request);
  if (typeof q !== 'string') return q;
  const left = unreadableRows();
  return left.respond({ status: 200, jsonBody: await publicRegister(source(left), q), headers: DATA_HEADERS });
}

export async function publicRegisterCsv(request: HttpRequest): Promise<HttpResponseInit> {
  const q = searchWords(request);
  if (typeof q !== 'string') return q;
  const left = unreadableRows();
  return left.respond({
    status: 200,
    body: registerCsv(await publicRegister(source(left), q)),
    headers: { ...DATA_HEADERS, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ai-register.csv"' },
  });
}

export async function publicTransparencyRecord(request: HttpRequest): Promise<HttpResponseInit> {
  const id = Number(request.params.id);
  const record = Number.isInteger(id) && id > 0 ? await publishedTransparencyRecord(source(unreadableRows()), id) : undefined;
  if (!record) return { status: 404, jsonBody: { error: 'There is no published transparency record with that number.' }, headers: DATA_HEADERS };
  return { status: 200, jsonBody: record, headers: DATA_HEADERS };
}

app.http('publicRegisterHtml', { methods: ['GET'], route: PUBLIC_REGISTER_ROUTE, authLevel: 'anonymous', handler: publicRegisterHtml });
app.http('publicRegisterJson', { methods: ['GET'], route: `${PUBLIC_REGISTER_ROUTE}.json`, authLevel: 'anonymous', handler: publicRegisterJson });
app.http('publicRegisterCsv', { methods: ['GET'], route: `${PUBLIC_REGISTER_ROUTE}.csv`, authLevel: 'anonymous', handler: publicRegisterCsv });
app.http('publicTransparencyRecord', { methods: ['GET'], route: `${PUBLIC_REGISTER_ROUTE}/{id:int}/transparency-record.json`, authLevel: 'anonymous', handler: publicTransparencyRecord });
