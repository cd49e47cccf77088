import { parseTeamsSettings } from '../../../shared/notify/teams';

describe('Teams settings', () => {
  it('defaults to the Microsoft Graph root with Teams off', () => {
    expect(parseTeamsSettings({}, { production: true })).toEqual({ graphBaseUrl: 'https://graph.microsoft.com' });
  });

  it('reads the local stand-in URL and the Teams app id, dropping a trailing slash', () => {
    const settings = parseTeamsSettings(
      { GRAPH_BASE_URL: 'http://127.0.0.1:7071/dev/graph/', TEAMS_APP_ID: '0f0e5a0c-1b2c-4d3e-8f40-5a6b7c8d9e0f' },
      { production: false },
    );
    expect(settings).toEqual({ graphBaseUrl: 'http://127.0.0.1:7071/dev/graph', teamsAppId: '0f0e5a0c-1b2c-4d3e-8f40-5a6b7c8d9e0f' });
  });

  it('names each bad setting and what it needs', () => {
    expect(() => parseTeamsSettings({ GRAPH_BASE_URL: 'graph', TEAMS_APP_ID: 'teams-app' }, { production: false })).toThrow(
      'The Teams settings are not valid:\n- GRAPH_BASE_URL: give an absolute http(s) URL, e.g. https://graph.microsoft.com\n- TEAMS_APP_ID: give the Teams app id, a GUID',
    );
  });

  it('refuses plain http in production', () => {
    expect(() => parseTeamsSettings({ GRAPH_BASE_URL: 'http://127.0.0.1:7071/dev/graph' }, { production: true })).toThrow('GRAPH_BASE_URL: must be https in production');
  });
});
