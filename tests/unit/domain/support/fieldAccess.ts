/**
 * Wraps a request so that every answer read through it is recorded by its dotted path, the same
 * paths rules declare in `reads`. Arrays count as one answer (e.g. `dpiaScreening`).
 */
export function recordingReads<T extends object>(value: T): { proxy: T; reads: Set<string> } {
  const reads = new Set<string>();
  const wrap = (target: object, path: string): object =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const child: unknown = Reflect.get(obj, key, receiver);
        if (typeof key === 'symbol') return child;
        const childPath = path === '' ? key : `${path}.${key}`;
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) return wrap(child, childPath);
        reads.add(childPath);
        return child;
      },
    });
  return { proxy: wrap(value, '') as T, reads };
}
