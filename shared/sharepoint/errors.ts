/**
 * Errors people can act on: which list, which item, which field or column, what to do next.
 * Repositories translate PnPjs's HttpRequestError into these.
 */

export class SharePointError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** SharePoint's own error code, e.g. `-2147024860, Microsoft.SharePoint.SPQueryThrottledException`. */
    readonly code?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A list item whose stored data does not match the list definition (for example edited by hand). */
export class ListItemDataError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly itemId: number | undefined,
    readonly detail: string,
  ) {
    super(`Item ${itemId ?? '(unknown id)'} in list '${listTitle}' has data the app cannot read: ${detail}. Fix the item in SharePoint or the list definition.`);
  }
}

/** Input rejected before anything was sent to SharePoint. */
export class ListItemInputError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly detail: string,
  ) {
    super(`Nothing was written to list '${listTitle}': ${detail}.`, 400);
  }
}

/** HTTP 412: somebody changed the item since it was read. */
export class ConcurrencyConflictError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly itemId: number,
    readonly attempts: number,
  ) {
    super(
      `Item ${itemId} in list '${listTitle}' was changed by someone else while we were updating it (HTTP 412 after ${attempts} attempt${attempts === 1 ? '' : 's'}). Re-read the item and apply the change again.`,
      412,
    );
  }
}

/** SharePoint refused a create or update: another item already holds the value of a unique column. */
export class DuplicateValueError extends SharePointError {
  constructor(
    readonly listTitle: string,
    /** Internal names, as SharePoint lists them in its message. */
    readonly columns: string[],
    code: string,
  ) {
    super(`Nothing was written to list '${listTitle}': another item already holds this value of ${columns.length === 1 ? 'the unique column' : 'the unique columns'} ${columns.join(', ') || '(not named)'}.`, 500, code);
  }
}

/** The columns SharePoint names in its duplicate-values message: "… in the list: [A, B]." */
export function duplicateColumns(message: string): string[] {
  const named = /\[([^\]]*)\]\.?\s*$/.exec(message);
  return named ? named[1].split(',').map((c) => c.trim()).filter(Boolean) : [];
}

export class ItemNotFoundError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly itemId: number,
  ) {
    super(`Item ${itemId} does not exist in list '${listTitle}'.`, 404);
  }
}

/** What the read found, or undefined when the item does not exist (ItemNotFoundError); any other failure is thrown. */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ItemNotFoundError) return undefined;
    throw err;
  }
}

/** SharePoint refused a query that would scan past the 5,000-item list view threshold. */
export class ListViewThresholdError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly unindexedColumns: string[],
    sourceFile: string,
  ) {
    const cols = unindexedColumns.length > 0 ? unindexedColumns.join(', ') : '(the filter uses no column)';
    super(
      `SharePoint refused a query on list '${listTitle}' because it exceeds the list view threshold (5,000 items). ` +
        `Not indexed: ${cols}. Index ${unindexedColumns.length === 1 ? 'that column' : 'those columns'} ` +
        `(indexed: true in ${sourceFile}, then npm run provision) or filter on an indexed column first.`,
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    );
  }
}

/** 429/503 kept coming back after the bounded retries. Throttled requests are not executed by SharePoint. */
export class SharePointUnavailableError extends SharePointError {
  constructor(
    readonly method: string,
    readonly url: string,
    status: number,
    readonly attempts: number,
  ) {
    super(
      `SharePoint kept answering HTTP ${status} (${status === 429 ? 'throttled' : 'unavailable'}) to ${method} ${url}; gave up after ${attempts} attempts. ` +
        'SharePoint does not execute throttled requests, so nothing from this call was written. Try again later.',
      status,
    );
  }
}

/**
 * The site is not (fully) provisioned: a list or column the app needs is missing. Nothing from the
 * call was written; the HTTP edge answers 503 naming it, for whoever runs `npm run provision`.
 */
export class SiteNotProvisionedError extends SharePointError {
  constructor(
    readonly listTitle: string,
    readonly column?: string,
  ) {
    super(
      column
        ? `The column '${column}' is missing from list '${listTitle}'. Run npm run provision against the site, then try again.`
        : `The list '${listTitle}' does not exist on the site. Run npm run provision against the site, then try again.`,
      503,
    );
  }
}

/** SharePoint's words for a missing list or column, in the messages REST returns. */
export function missingFromSite(message: string): { list?: string; column?: string } | undefined {
  const list = /List '([^']*)' does not exist/i.exec(message);
  if (list) return { list: list[1] };
  const column = /Column '([^']*)' does not exist/i.exec(message) ?? /The property '([^']*)' does not exist on type/i.exec(message);
  return column ? { column: column[1] } : undefined;
}

/** Reads SharePoint's error body (`odata.error` JSON light or verbose `error`) out of a PnPjs error. */
export async function readSharePointError(err: unknown): Promise<{ status?: number; code?: string; message: string }> {
  const e = err as { status?: number; response?: Response; message?: string };
  if (!e || typeof e !== 'object' || !e.response) return { message: err instanceof Error ? err.message : String(err) };
  try {
    const text = await e.response.clone().text();
    const json = JSON.parse(text) as Record<string, { code?: string; message?: { value?: string } }>;
    const body = json['odata.error'] ?? json.error;
    if (body) return { status: e.status, code: body.code, message: body.message?.value ?? text };
    return { status: e.status, message: text };
  } catch {
    return { status: e.status, message: e.message ?? 'SharePoint request failed' };
  }
}
