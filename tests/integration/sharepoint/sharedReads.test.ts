import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSp } from '../../../shared/sharepoint/spClient';

// The app's SharePoint client shares one call between identical reads made at the same moment,
// but never lets a read stand in for one made after a write of its own began.
describe('identical reads at the same moment', () => {
  let server: Server;
  let origin = '';
  const hits: string[] = [];
  let release: () => void = () => undefined;
  let held = Promise.resolve();

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      const answer = () => {
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ Title: 'AI governance', Hits: hits.length }));
        } else {
          res.writeHead(204);
          res.end();
        }
      };
      // Reads wait until the test lets them go, so that several are in flight at once.
      if (req.method === 'GET') void held.then(answer);
      else answer();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    hits.length = 0;
    held = new Promise<void>((r) => (release = r));
  });

  it('share one call, each caller getting its own answer', async () => {
    const sp = createSp({ siteUrl: `${origin}/sites/aigov` });
    const reads = [sp.web<{ Title: string; Hits: number }>(), sp.web<{ Title: string; Hits: number }>(), sp.web.lists<unknown>()];
    await new Promise((r) => setTimeout(r, 50));
    release();
    const [a, b] = await Promise.all(reads);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(hits.filter((h) => h.startsWith('GET /sites/aigov/_api/web?') || h === 'GET /sites/aigov/_api/web')).toHaveLength(1);
    expect(hits).toHaveLength(2);
  });

  it('a read made once a write has begun is its own call', async () => {
    const sp = createSp({ siteUrl: `${origin}/sites/aigov` });
    const before = sp.web<unknown>();
    await new Promise((r) => setTimeout(r, 20));
    await sp.web.lists.getByTitle('AI Requests').items.getById(1).update({ Title: 'changed' });
    const after = sp.web<unknown>();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([before, after]);
    expect(hits.filter((h) => h.startsWith('GET'))).toHaveLength(2);
  });
});
