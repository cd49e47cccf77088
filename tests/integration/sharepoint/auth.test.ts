import type { AccessToken, TokenCredential } from '@azure/identity';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

describe('app-only bearer tokens from an @azure/identity credential', () => {
  let h: EmulatorHarness;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    h = await startEmulator();
    // Stand in for SharePoint's token check on one endpoint, to see what PnPjs sends.
    h.server.mount({
      prefix: '/sites/aigov/_api/web/currentuser',
      handle: (req, res) => {
        seen.push(req.headers.authorization);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Id: 1, Title: 'AI Governance app' }));
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  test('asks for the site origin\'s .default scope once and sends the token on every request', async () => {
    const scopes: string[] = [];
    const credential: TokenCredential = {
      getToken: (scope) => {
        scopes.push(String(scope));
        return Promise.resolve<AccessToken>({ token: 'token-1', expiresOnTimestamp: Date.now() + 3_600_000 });
      },
    };
    const sp = createSp({ siteUrl: h.siteUrl, credential });

    // Two different reads at once (identical ones would share one call: SharedReads).
    await Promise.all([sp.web.currentUser(), sp.web.currentUser.select('Id')()]);
    await sp.web.currentUser();

    expect(scopes).toEqual([`${h.origin}/.default`]);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
  });
});
