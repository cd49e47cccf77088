import type { HttpResponseInit } from '@azure/functions';
import type { ListItemDataError } from '../sharepoint';

/**
 * Collects the rows a page left out because they could not be read, for the page's note: each is
 * logged with its list, item and field (for whoever fixes it), and the response says how many
 * were left out (`x-items-left-out`) without showing other people's data.
 */
export function unreadableRows(log: (message: string) => void = (m) => console.warn(m)) {
  const left: ListItemDataError[] = [];
  return {
    onUnreadable: (error: ListItemDataError) => {
      left.push(error);
      log(`Left out of the page: ${error.message}`);
    },
    headers(): Record<string, string> {
      if (left.length === 0) return {};
      const items = left.map((e) => `${e.listTitle} ${e.itemId ?? '?'}`).join(', ');
      return { 'x-items-left-out': String(left.length), 'x-items-left-out-ids': items.slice(0, 500) };
    },
    respond(response: HttpResponseInit): HttpResponseInit {
      return { ...response, headers: { ...(response.headers as Record<string, string> | undefined), ...this.headers() } };
    },
  };
}
