import { SpError, SP_CODES } from './errors';
import type { Flavour } from './odataFormat';
import type { ItemRow, ListRow, SpStore } from './store';

/**
 * `$expand` of person and lookup columns (`$select=Requester/Title&$expand=Requester`): the
 * projections the web part asks for. Person → `{Id, Title, EMail, Name}`; lookup → the target
 * item's `{Id, Title}`; multi-value columns give arrays (`{results}` in verbose).
 */
export function expandedValues(store: SpStore, list: ListRow, item: ItemRow, expand: string[], select: string[] | undefined, flavour: Flavour): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = store.fields(list.id);
  for (const name of expand) {
    const f = fields.find((x) => x.internalName.toLowerCase() === name.toLowerCase());
    if (!f || !['User', 'UserMulti', 'Lookup'].includes(f.typeAsString)) {
      throw new SpError(400, SP_CODES.argument, `The field or property '${name}' cannot be expanded (only person and lookup columns can).`);
    }
    const wanted = (select ?? []).filter((s) => s.toLowerCase().startsWith(`${f.internalName.toLowerCase()}/`)).map((s) => s.split('/')[1]);
    const pick = (o: Record<string, unknown>): Record<string, unknown> =>
      wanted.length === 0 ? o : Object.fromEntries(Object.entries(o).filter(([k]) => wanted.some((w) => w.toLowerCase() === k.toLowerCase())));
    const resolve = (id: unknown): Record<string, unknown> | null => {
      if (typeof id !== 'number') return null;
      if (f.typeAsString === 'Lookup') {
        const target = f.lookupListId ? store.item(f.lookupListId, id) : undefined;
        return target ? pick({ Id: target.id, Title: target.data.Title ?? null }) : null;
      }
      const u = store.user(id);
      return u ? pick({ Id: u.id, Title: u.title, EMail: u.email, Name: u.loginName }) : null;
    };
    const raw = f.internalName === 'Author' ? item.authorId : f.internalName === 'Editor' ? item.editorId : item.data[`${f.internalName}Id`];
    if (f.typeAsString === 'UserMulti') {
      const values = (Array.isArray(raw) ? raw : []).map(resolve).filter((v) => v !== null);
      out[f.internalName] = flavour === 'verbose' ? { results: values } : values;
    } else {
      out[f.internalName] = resolve(raw);
    }
  }
  return out;
}
