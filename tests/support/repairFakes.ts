import { fakeDurableClient } from './fakeDurableClient';

/** A list repository over rows held in memory: `byStatus` answers every row, `modify` applies the change to the row. */
export function rowsRepository<Item extends { Id: number }>(rows: Item[]) {
  const find = (id: number): Item => rows.find((r) => r.Id === id)!;
  return {
    async *byStatus() {
      yield await Promise.resolve(rows);
    },
    get: (id: number) => Promise.resolve(find(id)),
    modify: (id: number, change: (current: Item) => Partial<Item> | null) => Promise.resolve(Object.assign(find(id), change(find(id)) ?? {})),
  };
}

/**
 * What a start-up repair is given, as structural fakes: these repositories, an audit log that
 * records each entry's key, a people directory that knows one person, and a Durable client.
 */
export function repairFakes<Repos extends object>(repos: Repos, running: string[] = []) {
  const { client, started, inputs } = fakeDurableClient(running);
  const audited: string[] = [];
  const services = {
    repos,
    audit: { append: (e: { key: string }) => Promise.resolve(void audited.push(e.key)) },
    people: { personFor: () => Promise.resolve({ name: 'Amara Nwosu', email: 'amara.nwosu@example.nhs.uk' }) },
  };
  return { services, client, started, inputs, audited };
}
