import * as React from 'react';
import { fireAndForget } from './fireAndForget';

/**
 * Loads a view's data when it mounts (and again when `fetch` changes), putting what went wrong in
 * plain words into `onFailure`. Returns the loader, so a view can reload after a change.
 */
export function useLoadOnMount<T>(fetch: () => Promise<T>, onLoaded: (value: T) => void, onFailure: (message: string) => void, what: string): () => Promise<void> {
  const load = React.useCallback(async (): Promise<void> => {
    try {
      onLoaded(await fetch());
    } catch (e) {
      onFailure(`We could not load ${what}. ${(e as Error).message}`);
    }
    // React's state setters are stable: `fetch` and `what` are all that can change the load.
  }, [fetch, what]);

  React.useEffect(() => {
    fireAndForget(load());
  }, [load]);
  return load;
}
