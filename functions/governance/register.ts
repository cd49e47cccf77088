import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { REGISTER_DPIA_STATUS_BY_LIST_LABEL, REGISTER_KIND_LIST_LABEL, type RegisterRowResponse } from '../../shared/contract';
import { toFieldMessages } from '../../shared/domain';
import { collect, type AiRequestItem, type RegisterItem } from '../../shared/sharepoint';
import { routeFromItem } from '../../shared/sharepoint/requestItem';
import { appServices } from '../../app/services';
import { badRequest } from '../../shared/web/http';
import { unreadableRows } from '../../shared/web/unreadableRows';
import { approvedOnRecord } from '../../shared/requests/statusOnRecord';
import { matchesWords } from '../../shared/register/publicRegister';

/** One row of "is this tool approved?": public fields only (the contract's). */
export type RegisterRow = RegisterRowResponse;

const querySchema = z.object({
  q: z.string({ error: 'give the words to search for' }).trim().max(100, 'search for at most 100 characters').default(''),
  // The web part in SharePoint reads the published entries from the list itself and asks here for the rest.
  source: z.enum(['all', 'published', 'approved'], { error: 'choose all, published or approved' }).default('all'),
});


function fromRegister(item: RegisterItem, contact: string): RegisterRow {
  return {
    kind: item.EntryType === REGISTER_KIND_LIST_LABEL.research ? 'research' : 'tool',
    name: item.Title,
    supplier: item.Supplier ?? '',
    description: item.PlainEnglishDescription,
    purpose: item.Purpose ?? '',
    humanOversight: item.HumanOversight ?? '',
    dataUsed: item.DataUsed ?? '',
    dpiaStatus: item.DpiaStatus ? REGISTER_DPIA_STATUS_BY_LIST_LABEL[item.DpiaStatus] : 'in-progress',
    contact: item.PublicContact || contact,
    reviewDate: item.ReviewDate?.slice(0, 10) ?? '',
    source: 'published',
  };
}

/**
 * An approved request whose register entry is not published yet still answers "is this tool
 * approved?" for staff (this endpoint needs sign-in; the public register shows published entries
 * only): name, supplier, its purpose as the request gave it, the kind of data (from the yes/no
 * answers) and the review date.
 */
function fromApproval(item: AiRequestItem, contact: string): RegisterRow {
  const steps = routeFromItem(item)?.stages.flat() ?? [];
  const data = item.ConfidentialPatientInfo
    ? 'Confidential patient information'
    : item.SpecialCategoryData
      ? 'Special category (health) data'
      : item.PersonalData
        ? 'Personal data'
        : 'No personal data';
  return {
    kind: item.RequestType === 'Research' ? 'research' : 'tool',
    name: item.Product || item.Title,
    supplier: item.Supplier ?? '',
    description: 'Approved for use in the organisation. Its full register entry has not been published yet.',
    purpose: item.Purpose,
    humanOversight: 'Every output is checked by a person, as the AI Policy requires.',
    dataUsed: data,
    dpiaStatus: steps.some((s) => s.code === 'DPIA') ? 'approved' : 'not-required',
    contact,
    reviewDate: item.ReviewDueDate?.slice(0, 10) ?? '',
    source: 'approved',
  };
}


/**
 * `GET /api/register?q=&source=`: "is this tool approved?" over the published AI Register entries
 * and approved requests (indexed queries: Status on both lists). Every word must match.
 */
export async function searchRegister(request: HttpRequest): Promise<HttpResponseInit> {
  const query = querySchema.safeParse(Object.fromEntries(request.query.entries()));
  if (!query.success) return badRequest(toFieldMessages(query.error));
  const { repos, settings } = appServices();
  const contact = settings.GOVERNANCE_LEAD_EMAIL;
  const { source } = query.data;
  // Approved tools already in the register are left out either way: the published entry describes them.
  // A row edited by hand into something unreadable is left out (and logged), never a 500 for everyone.
  const left = unreadableRows();
  const [published, approved] = await Promise.all([
    collect(repos.register.published({ onUnreadable: left.onUnreadable })),
    source === 'published' ? [] : collect(repos.requests.byStatus('Approved', { onUnreadable: left.onUnreadable })),
  ]);
  const names = new Set(published.map((p) => p.Title.toLowerCase()));
  const rows = source === 'approved' ? [] : published.map((p) => fromRegister(p, contact));
  // A Status typed into the list makes no approved tool: only approvals the audit log holds count.
  for (const item of await approvedOnRecord(repos, approved)) {
    const row = fromApproval(item, contact);
    if (!names.has(row.name.toLowerCase())) {
      names.add(row.name.toLowerCase());
      rows.push(row);
    }
  }
  const found = rows.filter((r) => matchesWords(r, query.data.q)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return left.respond({ status: 200, jsonBody: found, headers: { 'cache-control': 'no-store' } });
}

app.http('searchRegister', { methods: ['GET'], route: 'register', authLevel: 'anonymous', handler: searchRegister });
