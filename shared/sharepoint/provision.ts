import { readSharePointError } from './errors';
import { fieldSchemaXml, sharePointType } from './fieldSchemaXml';
import { allLists } from './lists';
import type { ListDefinition } from './lists/listDefinition';
import type { SPFI } from './pnp';
import { provisionPermissions, type PermissionOptions } from './provisionPermissions';

export interface ProvisionReport {
  /** What was created, one line each (empty on a second run). */
  actions: string[];
  /** Differences provisioning will not fix by itself (it never changes or deletes existing columns). */
  warnings: string[];
}

/** SP.AddFieldOptions.AddFieldInternalNameHint: use Name from the schema as the internal name. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;

interface ExistingField {
  InternalName: string;
  TypeAsString: string;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
}

/**
 * Makes the site match the list definitions by adding what is missing: lists, columns, column
 * indexes, views and view columns, then each list's permissions (provisionPermissions.ts). Never
 * deletes, renames or retypes anything and never touches items, so it is safe to run again (and
 * on a site already in use).
 */
export async function provisionSite(sp: SPFI, lists: readonly ListDefinition[] = allLists, log: (line: string) => void = () => undefined, permissions: PermissionOptions = {}): Promise<ProvisionReport> {
  const report: ProvisionReport = { actions: [], warnings: [] };
  const act = (line: string): void => {
    report.actions.push(line);
    log(line);
  };
  const warn = (line: string): void => {
    report.warnings.push(line);
    log(`warning: ${line}`);
  };

  const existing = await sp.web.lists.select('Id', 'Title')<{ Id: string; Title: string }[]>();
  const ids = new Map(existing.map((l) => [l.Title.toLowerCase(), l.Id]));
  // Lists first, so lookups can point at a list created in this run.
  for (const def of lists) {
    if (ids.has(def.title.toLowerCase())) continue;
    const created = await sp.web.lists.add(def.title, def.description, 100, false);
    ids.set(def.title.toLowerCase(), (created as { Id: string }).Id);
    act(`Created list '${def.title}'`);
  }

  for (const def of lists) {
    const list = sp.web.lists.getByTitle(def.title);
    const fields = await list.fields.select('InternalName', 'TypeAsString', 'Indexed', 'EnforceUniqueValues')<ExistingField[]>();
    const byName = new Map(fields.map((f) => [f.InternalName.toLowerCase(), f]));

    for (const [name, f] of Object.entries(def.fields)) {
      const found = byName.get(name.toLowerCase());
      if (!found) {
        if (f.builtIn) {
          warn(`'${def.title}' has no built-in column '${name}'`);
          continue;
        }
        const lookupId = f.kind === 'lookup' ? ids.get((f.lookupList ?? '').toLowerCase()) : undefined;
        if (f.kind === 'lookup' && !lookupId) {
          warn(`'${def.title}'.${name} looks up '${f.lookupList ?? ''}', which is not on the site; column skipped`);
          continue;
        }
        await list.fields.createFieldAsXml({ SchemaXml: fieldSchemaXml(name, f, lookupId), Options: ADD_FIELD_INTERNAL_NAME_HINT });
        act(`Added column '${name}' (${sharePointType(f)}${f.indexed ? ', indexed' : ''}${f.unique ? ', unique' : ''}) to '${def.title}'`);
        continue;
      }
      const want = sharePointType(f);
      if (!f.builtIn && found.TypeAsString !== want) {
        warn(`'${def.title}'.${name} is ${found.TypeAsString} on the site but ${want} in ${def.sourceFile}; left as it is`);
      }
      if (f.indexed && !found.Indexed) {
        await list.fields.getByInternalNameOrTitle(name).update({ Indexed: true }, 'SP.Field');
        act(`Indexed column '${name}' in '${def.title}'`);
      }
      if (f.unique && !found.EnforceUniqueValues) {
        await enforceUniqueValues(list, def, name);
        act(`Made column '${name}' in '${def.title}' unique`);
      }
    }
    for (const name of def.indexedSystemColumns ?? []) {
      if (byName.get(name.toLowerCase())?.Indexed) continue;
      await list.fields.getByInternalNameOrTitle(name).update({ Indexed: true }, 'SP.Field');
      act(`Indexed column '${name}' in '${def.title}'`);
    }

    const views = await list.views.select('Id', 'Title', 'DefaultView')<{ Id: string; Title: string; DefaultView: boolean }[]>();
    for (const [i, v] of def.views.entries()) {
      // The first definition is the default view, whatever the site calls it.
      let view = views.find((x) => x.Title.toLowerCase() === v.title.toLowerCase()) ?? (i === 0 ? views.find((x) => x.DefaultView) : undefined);
      if (!view) {
        const created = await list.views.add(v.title, false, { ViewQuery: v.query ?? '', RowLimit: v.rowLimit ?? 30 });
        view = created;
        act(`Added view '${v.title}' to '${def.title}'`);
      }
      const viewFields = await list.views.getById(view.Id).fields<{ Items: string[] }>();
      const have = new Set(viewFields.Items.map((n) => n.toLowerCase()));
      for (const name of v.fields) {
        if (have.has(name.toLowerCase())) continue;
        await list.views.getById(view.Id).fields.add(name);
        act(`Added column '${name}' to view '${view.Title}' of '${def.title}'`);
      }
    }
  }
  await provisionPermissions(sp, lists, { act, warn }, permissions);
  return report;
}

/**
 * The app relies on a unique column (a create is its lookup), so a site where SharePoint will not
 * make it unique (items already share a value) stops provisioning rather than warns.
 */
async function enforceUniqueValues(list: ReturnType<SPFI['web']['lists']['getByTitle']>, def: ListDefinition, name: string): Promise<void> {
  try {
    await list.fields.getByInternalNameOrTitle(name).update({ EnforceUniqueValues: true }, 'SP.Field');
  } catch (err) {
    const { message } = await readSharePointError(err);
    throw new Error(
      `'${def.title}'.${name} must hold unique values (${def.sourceFile}), and SharePoint would not make it so: ${message} ` +
        'Remove all but one of the items that share a value, then provision again.',
      { cause: err },
    );
  }
}
