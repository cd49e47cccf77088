import type { AuditLog } from '../audit/auditLog';
import type { PublishEntryRequest } from '../contract/responses';
import type { FieldMessage } from '../domain/fieldErrors';
import type { RegisterItem, RegisterRepository } from '../sharepoint/repositories/aiRegister';
import { atrsRecordSchema, readAtrsRecord, REQUIRED_TO_PUBLISH, type AtrsRecord } from '../transparency/atrsRecord';

export interface PublicationDeps {
  register: Pick<RegisterRepository, 'modify'>;
  audit: AuditLog;
}

/** An entry is public only with every fact the register shows. */
const ENTRY_FACTS = [
  ['Purpose', 'purpose', 'say what it is used for, in plain English'],
  ['HumanOversight', 'humanOversight', 'say how people check its outputs'],
  ['DataUsed', 'dataUsed', 'say what kind of data it uses'],
  ['Owner', 'owner', 'say which team owns it'],
] as const;

export type PublishResult = { ok: true; item: RegisterItem } | { ok: false; errors: FieldMessage[] };

/**
 * Publishes a drafted register entry: who and when are kept on the entry and in the audit log.
 * Publishing an entry already published changes nothing (a second click, or two people at once).
 */
export async function publishEntry(deps: PublicationDeps, entryId: number, changes: PublishEntryRequest, by: string, at: string): Promise<PublishResult> {
  let errors: FieldMessage[] = [];
  let published = false;
  const item = await deps.register.modify(entryId, (current) => {
    published = false;
    errors = [];
    if (current.Status === 'Published') return null;
    const next = {
      Purpose: changes.purpose ?? current.Purpose,
      HumanOversight: changes.humanOversight ?? current.HumanOversight,
      DataUsed: changes.dataUsed ?? current.DataUsed,
      Owner: changes.owner ?? current.Owner,
      Supplier: changes.supplier ?? current.Supplier,
    };
    errors = ENTRY_FACTS.filter(([column]) => !next[column]?.trim()).map(([, field, message]) => ({ field, message }));
    if (errors.length) return null;
    published = true;
    return { ...next, Status: 'Published', PublishedBy: by, PublishedAt: at };
  });
  if (errors.length) return { ok: false, errors };
  if (published) {
    await deps.audit.append({
      title: `Register entry published: ${item.Title}`,
      eventType: 'register-entry-published',
      subjectList: 'AI Register',
      subjectItemId: entryId,
      actor: by,
      channel: 'Web',
      occurredAt: at,
      details: { changed: Object.keys(changes), sourceRequestId: item.SourceRequestId ?? null },
      key: `register-${entryId}/published`,
    });
  }
  return { ok: true, item };
}

/** The paths of REQUIRED_TO_PUBLISH still empty in the record. */
export function missingToPublish(record: AtrsRecord): FieldMessage[] {
  return REQUIRED_TO_PUBLISH.filter((path) => {
    const value = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], record);
    return typeof value !== 'string' || value.trim() === '';
  }).map((field) => ({ field, message: 'fill this in before publishing the record' }));
}

export type RecordResult = { ok: true; item: RegisterItem } | { ok: false; status: 400 | 409; errors: FieldMessage[] };

/**
 * Saves the governance lead's edits to the transparency record, and publishes it when asked.
 * Once published the record is public; a later save keeps it published (the public copy is the
 * saved one), and every save and publication is audited with who and when.
 */
export async function saveRecord(deps: PublicationDeps, entryId: number, record: AtrsRecord, publish: boolean, by: string, at: string): Promise<RecordResult> {
  const checked = atrsRecordSchema.parse(record);
  const missing = publish ? missingToPublish(checked) : [];
  if (missing.length) return { ok: false, status: 400, errors: missing };
  let refused = false;
  let newlyPublished = false;
  const item = await deps.register.modify(entryId, (current) => {
    refused = readAtrsRecord(current.TransparencyRecordJson) === undefined;
    if (refused) return null;
    newlyPublished = publish && current.TransparencyStatus !== 'Published';
    return {
      TransparencyRecordJson: JSON.stringify(checked),
      ...(newlyPublished ? { TransparencyStatus: 'Published' as const, TransparencyPublishedBy: by, TransparencyPublishedAt: at } : {}),
    };
  });
  if (refused) return { ok: false, status: 409, errors: [{ field: 'record', message: 'this entry has no transparency record to edit: one is drafted when its request is approved' }] };
  await deps.audit.append({
    title: newlyPublished ? `Transparency record published: ${item.Title}` : `Transparency record edited: ${item.Title}`,
    eventType: newlyPublished ? 'transparency-record-published' : 'transparency-record-edited',
    subjectList: 'AI Register',
    subjectItemId: entryId,
    actor: by,
    channel: 'Web',
    occurredAt: at,
    details: { record: checked },
    key: `register-${entryId}/transparency-record/${newlyPublished ? 'published' : `edited/${at}`}`,
  });
  return { ok: true, item };
}
