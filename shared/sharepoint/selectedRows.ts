import { collect } from './listRepository';
import type { ListDefinition } from './lists/listDefinition';
import { toODataFilter, type Condition } from './odataLiteral';
import type { SPFI } from './pnp';

/**
 * Only the named columns, 5,000 rows a round trip, filtered on an indexed column: the
 * repositories read whole items (answers and route included), which is too much for the
 * dashboards' thousands of rows. The rows are as SharePoint sends them, not checked by a schema,
 * so callers read only simple columns (text, numbers, dates, person ids).
 */
export async function selectedRows<T>(sp: SPFI, list: ListDefinition, select: readonly string[], condition: Condition): Promise<T[]> {
  const query = sp.web.lists
    .getByTitle(list.title)
    .items.select(...select)
    .filter(toODataFilter(list, [condition]))
    .top(5000);
  return collect(query as unknown as AsyncIterable<T[]>);
}
