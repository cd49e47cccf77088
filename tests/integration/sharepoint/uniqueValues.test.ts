import { DuplicateValueError, readSharePointError } from '../../../shared/sharepoint/errors';
import { createSp } from '../../../shared/sharepoint/spClient';
import type { SPFI } from '../../../shared/sharepoint/pnp';
import { provisionSite } from '../../../shared/sharepoint/provision';
import { aiSentMessagesList } from '../../../shared/sharepoint/lists';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

const DUPLICATE = {
  status: 500,
  code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
  message: 'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Code].',
};

/** What SharePoint answered a PnPjs call with, or undefined when it succeeded. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
    return undefined;
  } catch (err) {
    return readSharePointError(err);
  }
}

/** The same, for a part of a $batch. */
const partRefusal = (part: PromiseSettledResult<unknown>) => (part.status === 'rejected' ? readSharePointError(part.reason) : undefined);

describe('unique columns in the SharePoint emulator (EnforceUniqueValues)', () => {
  let h: EmulatorHarness;
  let sp: SPFI;
  let n = 0;
  beforeAll(async () => {
    h = await startEmulator();
    sp = createSp({ siteUrl: h.siteUrl });
  });
  afterAll(async () => {
    await h.close();
  });

  /** A fresh list with a unique, indexed text column `Code`. */
  async function listWithUniqueCode(title = `Unique ${++n}`) {
    await sp.web.lists.add(title, '', 100, false);
    const list = sp.web.lists.getByTitle(title);
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Code" StaticName="Code" DisplayName="Code" Indexed="TRUE" EnforceUniqueValues="TRUE" />', Options: 8 });
    return list;
  }

  test('a second item with a value another holds is refused as SharePoint Online refuses it, whatever its case', async () => {
    const list = await listWithUniqueCode();
    await list.items.add({ Title: 'a', Code: 'K-1' });

    expect(await refusal(list.items.add({ Title: 'b', Code: 'K-1' }))).toEqual(DUPLICATE);
    expect(await refusal(list.items.add({ Title: 'c', Code: 'k-1' }))).toEqual(DUPLICATE);
    expect(await list.items.select('Title')()).toHaveLength(1);
    expect(await list.fields.getByInternalNameOrTitle('Code').select('EnforceUniqueValues', 'Indexed')()).toMatchObject({ EnforceUniqueValues: true, Indexed: true });
  });

  test('an update to a value another item holds is refused; keeping its own value is not', async () => {
    const list = await listWithUniqueCode();
    await list.items.add({ Title: 'a', Code: 'K-1' });
    const b = (await list.items.add({ Title: 'b', Code: 'K-2' })) as { Id: number };

    expect(await refusal(list.items.getById(b.Id).update({ Code: 'K-1' }))).toEqual(DUPLICATE);
    expect(await refusal(list.items.getById(b.Id).update({ Code: 'K-2', Title: 'b again' }))).toBeUndefined();
    expect(await list.items.getById(b.Id).select('Code', 'Title')()).toMatchObject({ Code: 'K-2', Title: 'b again' });
  });

  test('in a $batch the refused part fails alone', async () => {
    const title = `Unique ${++n}`;
    const list = await listWithUniqueCode(title);
    const [batched, execute] = sp.batched();
    // A fresh queryable per request: PnPjs refuses to put one instance in a batch twice.
    const add = (values: Record<string, unknown>) => batched.web.lists.getByTitle(title).items.add(values);
    const parts = Promise.allSettled([add({ Title: 'a', Code: 'K-1' }), add({ Title: 'b', Code: 'K-1' }), add({ Title: 'c', Code: 'K-3' })]);
    await execute();

    const settled = await parts;
    expect(settled.map((p) => p.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await partRefusal(settled[1])).toEqual(DUPLICATE);
    expect((await list.items.select('Code')()).map((i: { Code: string }) => i.Code)).toEqual(['K-1', 'K-3']);
  });

  test('a column becomes unique only when indexed and when no two items share a value', async () => {
    const title = `Unique ${++n}`;
    await sp.web.lists.add(title, '', 100, false);
    const list = sp.web.lists.getByTitle(title);
    await list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Code" StaticName="Code" DisplayName="Code" />', Options: 8 });
    await list.items.add({ Title: 'a', Code: 'K-1' });
    await list.items.add({ Title: 'b', Code: 'k-1' });
    const code = list.fields.getByInternalNameOrTitle('Code');

    expect(await refusal(code.update({ EnforceUniqueValues: true }, 'SP.Field'))).toMatchObject({ status: 500, message: 'The field must first be indexed to enforce unique values.' });
    await code.update({ Indexed: true }, 'SP.Field');
    expect(await refusal(code.update({ EnforceUniqueValues: true }, 'SP.Field'))).toMatchObject({ status: 500, message: 'This field contains duplicate values. Remove all duplicate values and try the operation again.' });
    expect(await refusal(list.fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="Other" StaticName="Other" DisplayName="Other" EnforceUniqueValues="TRUE" />', Options: 8 }))).toMatchObject({ status: 500 });
  });

  test('provisioning makes an existing column unique, a repository names the refusal, and a site with duplicates stops provisioning', async () => {
    await provisionSite(sp);
    const listId = h.emulator.store.listByTitle(aiSentMessagesList.title)!.id;
    // A site provisioned before the column was unique.
    h.emulator.store.updateField(listId, 'IdempotencyKey', { enforceUniqueValues: false });

    expect((await provisionSite(sp)).actions).toEqual(["Made column 'IdempotencyKey' in 'AI Sent Messages' unique"]);
    const repos = createRepositories(sp);
    const values = { Title: 'stepAssigned', IdempotencyKey: 'request-1/dpia/assigned', Channel: 'email' as const, MessageId: '<m@x>', Status: 'Sending' as const };
    await repos.sentMessages.create(values);
    const refused = await repos.sentMessages.create(values).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DuplicateValueError);
    expect(refused).toMatchObject({ columns: ['IdempotencyKey'], message: "Nothing was written to list 'AI Sent Messages': another item already holds this value of the unique column IdempotencyKey." });

    h.emulator.store.updateField(listId, 'IdempotencyKey', { enforceUniqueValues: false });
    await repos.sentMessages.create(values);
    await expect(provisionSite(sp)).rejects.toThrow(
      "'AI Sent Messages'.IdempotencyKey must hold unique values (shared/sharepoint/lists/aiSentMessages.ts), and SharePoint would not make it so: This field contains duplicate values. Remove all duplicate values and try the operation again. Remove all but one of the items that share a value, then provision again.",
    );
  });
});
