import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where a change dispatcher keeps its place: the last change token it finished, and the changes
 * it already dispatched after that token (so a restart mid-way does not dispatch them again).
 */
export interface ChangeTokenState {
  token: string | null;
  dispatched: string[];
}

export interface ChangeTokenStore {
  load(key: string): Promise<ChangeTokenState>;
  markDispatched(key: string, dedupeKey: string): Promise<void>;
  /** Moves the token forward; what was dispatched before it can be forgotten. */
  advance(key: string, token: string): Promise<void>;
}

export class InMemoryChangeTokenStore implements ChangeTokenStore {
  private readonly states = new Map<string, ChangeTokenState>();
  load(key: string): Promise<ChangeTokenState> {
    const s = this.states.get(key) ?? { token: null, dispatched: [] };
    return Promise.resolve({ token: s.token, dispatched: [...s.dispatched] });
  }
  markDispatched(key: string, dedupeKey: string): Promise<void> {
    const s = this.states.get(key) ?? { token: null, dispatched: [] };
    this.states.set(key, { ...s, dispatched: [...s.dispatched, dedupeKey] });
    return Promise.resolve();
  }
  advance(key: string, token: string): Promise<void> {
    this.states.set(key, { token, dispatched: [] });
    return Promise.resolve();
  }
}

const stateSchema = z.object({ token: z.string().nullable(), dispatched: z.array(z.string()) });

/** One JSON file per key, replaced atomically (write then rename), so a crash never leaves half a file. */
export class FileChangeTokenStore implements ChangeTokenStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  private file(key: string): string {
    return join(this.dir, `${key.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
  }
  load(key: string): Promise<ChangeTokenState> {
    const f = this.file(key);
    if (!existsSync(f)) return Promise.resolve({ token: null, dispatched: [] });
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(f, 'utf8')));
    if (!parsed.success) throw new Error(`Change token file ${f} is not valid (${parsed.error.issues[0]?.message}); delete it to start from the current change token.`);
    return Promise.resolve(parsed.data);
  }
  private write(key: string, state: ChangeTokenState): void {
    const f = this.file(key);
    writeFileSync(`${f}.tmp`, JSON.stringify(state));
    renameSync(`${f}.tmp`, f);
  }
  async markDispatched(key: string, dedupeKey: string): Promise<void> {
    const s = await this.load(key);
    this.write(key, { ...s, dispatched: [...s.dispatched, dedupeKey] });
  }
  advance(key: string, token: string): Promise<void> {
    this.write(key, { token, dispatched: [] });
    return Promise.resolve();
  }
}
