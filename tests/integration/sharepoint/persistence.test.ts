import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../../../shared/sharepoint/listRepository';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator } from './emulatorHarness';
import { samples } from './samples';

describe('emulator data survives a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-persist-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('seeded once on first start; items, etags and ids carry over to the next start', async () => {
    const first = await startEmulator({ dataDir, seed: true });
    const repos1 = createRepositories(createSp({ siteUrl: first.siteUrl }));
    const item = await repos1.incidents.create(samples.incidents(1, 1));
    const etag = await repos1.incidents.update(item.Id, { Status: 'Triaged' }, item.etag);
    await first.close();

    const second = await startEmulator({ dataDir, seed: true });
    const repos2 = createRepositories(createSp({ siteUrl: second.siteUrl }));
    const again = await repos2.incidents.get(item.Id);
    const next = await repos2.incidents.create(samples.incidents(2, 1));
    const policies = await collect(repos2.policies.byStatus('Active'));
    await second.close();

    expect(again).toMatchObject({ Status: 'Triaged', etag });
    expect(next.Id).toBe(item.Id + 1);
    expect(policies.map((p) => p.Title)).toEqual(['Artificial Intelligence Policy']);
  });
});
