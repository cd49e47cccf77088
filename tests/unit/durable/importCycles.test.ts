import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The backend's modules form a tree of dependencies, type imports included: the engine is given
// its runners (EngineRunners) instead of importing the modules that need its type.
const dir = join(__dirname, '..', '..', '..', 'local', 'durable');

function importsOf(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'\.\/([\w.]+)'/g)].map((m) => `${m[1]}.ts`);
}

test('local/durable has no import cycles', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, path: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
      return;
    }
    state.set(f, 'open');
    for (const dep of graph.get(f) ?? []) visit(dep, [...path, f]);
    state.set(f, 'done');
  };
  files.forEach((f) => visit(f, []));
  expect(graph.get('engine.ts')?.length).toBeGreaterThan(0);
  expect(cycles).toEqual([]);
});
