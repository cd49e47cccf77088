import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listSourceFile, text } from '../../../shared/sharepoint/lists/listDefinition';
import { parseFieldXml } from '../../../local/sharepoint/fieldXml';
import { fieldSchemaXml, sharePointType } from '../../../shared/sharepoint/fieldSchemaXml';
import { allLists, restName } from '../../../shared/sharepoint/lists';
import { toODataFilter } from '../../../shared/sharepoint/odataLiteral';
import { aiRequestsList } from '../../../shared/sharepoint/lists';

const SYSTEM_VIEW_FIELDS = ['LinkTitle', 'Modified', 'Created', 'Author', 'Editor', 'ID'];

describe('list definitions', () => {
  test.each(allLists.map((l) => [l.title, l] as const))('%s: views name real columns, something is indexed, lookups point at earlier lists', (_title, list) => {
    const names = Object.keys(list.fields);
    for (const v of list.views) for (const f of v.fields) expect([...names, ...SYSTEM_VIEW_FIELDS]).toContain(f);
    expect(Object.values(list.fields).some((f) => f.indexed)).toBe(true);
    const position = allLists.indexOf(list);
    for (const f of Object.values(list.fields).filter((x) => x.kind === 'lookup')) {
      const target = allLists.findIndex((l) => l.title === f.lookupList);
      expect(target).toBeGreaterThanOrEqual(0);
      expect(target).toBeLessThan(position);
    }
  });

  test('the emulator reads back exactly the schema provisioning sends', () => {
    for (const list of allLists) {
      for (const [name, f] of Object.entries(list.fields)) {
        if (f.builtIn) continue;
        const spec = parseFieldXml(fieldSchemaXml(name, f, '0b8c2f4e-1111-2222-3333-444455556666'));
        expect(spec).toMatchObject({
          internalName: name,
          title: f.displayName,
          typeAsString: sharePointType(f),
          required: f.required,
          indexed: f.indexed,
          enforceUniqueValues: f.unique,
          choices: f.choices ? [...f.choices] : [],
          lookupListId: f.kind === 'lookup' ? '0b8c2f4e-1111-2222-3333-444455556666' : null,
        });
      }
    }
  });

  test('a unique column must be indexed, as SharePoint requires', () => {
    expect(() => text('Key', { unique: true })).toThrow("Column 'Key' is unique but not indexed: SharePoint enforces unique values only on an indexed column.");
    expect(fieldSchemaXml('Key', text('Key', { indexed: true, unique: true }))).toContain('Indexed="TRUE" EnforceUniqueValues="TRUE"');
  });

  test('person and lookup columns travel as <Name>Id', () => {
    expect(restName('Requester', aiRequestsList.fields.Requester)).toBe('RequesterId');
    expect(restName('Status', aiRequestsList.fields.Status)).toBe('Status');
  });
});

describe('OData filters built by the repositories', () => {
  test('quote and escape by column type', () => {
    expect(toODataFilter(aiRequestsList, [['Title', 'eq', "O'Brien's tool"], ['RequesterId', 'eq', 7], ['PersonalData', 'eq', true], ['ReviewDueDate', 'le', '2027-01-06T00:00:00Z'], ['Product', 'startswith', 'Scr']]))
      .toBe("Title eq 'O''Brien''s tool' and RequesterId eq 7 and PersonalData eq 1 and ReviewDueDate le datetime'2027-01-06T00:00:00.000Z' and startswith(Product,'Scr')");
  });

  test('an unknown column names the definition file', () => {
    expect(() => toODataFilter(aiRequestsList, [['Colour', 'eq', 'red']])).toThrow("List 'AI Requests' has no column 'Colour' (see shared/sharepoint/lists/aiRequests.ts).");
  });
});

describe('list source files', () => {
  test('every list is defined in the file its title names, so error messages point at the right file', () => {
    for (const list of allLists) expect(existsSync(join(__dirname, '..', '..', '..', list.sourceFile))).toBe(true);
    expect(listSourceFile('AI Audit Log')).toBe('shared/sharepoint/lists/aiAuditLog.ts');
  });
});
