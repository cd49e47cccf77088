import { loadSettingSlice } from '../../../shared/config/settings';
import { TEAMS_SETTING_NAMES, teamsSettingsFrom } from '../../../shared/notify/teams';

// The Teams notifier's slice of the app settings, checked by the same rules as the start-up check.
const parseTeamsSettings = (env: Record<string, string | undefined>) => teamsSettingsFrom(loadSettingSlice([...TEAMS_SETTING_NAMES, 'ENVIRONMENT'], env));

describe('Teams settings', () => {
  it('defaults to the Microsoft Graph root with Teams off', () => {
    expect(parseTeamsSettings({ ENVIRONMENT: 'production' })).toEqual({ graphBaseUrl: 'https://graph.microsoft.com' });
  });

  it('reads the local stand-in URL and the Teams app id, dropping a trailing slash', () => {
    const settings = parseTeamsSettings({ GRAPH_BASE_URL: 'http://127.0.0.1:7071/dev/graph/', TEAMS_APP_ID: '0f0e5a0c-1b2c-4d3e-8f40-5a6b7c8d9e0f' });
    expect(settings).toEqual({ graphBaseUrl: 'http://127.0.0.1:7071/dev/graph', teamsAppId: '0f0e5a0c-1b2c-4d3e-8f40-5a6b7c8d9e0f' });
  });

  it('names each bad setting and what it needs', () => {
    expect(() => parseTeamsSettings({ GRAPH_BASE_URL: 'graph', TEAMS_APP_ID: 'teams-app' })).toThrow(
      /- GRAPH_BASE_URL is not valid: .*\n- TEAMS_APP_ID is not valid: /,
    );
  });

  it('refuses plain http in production', () => {
    expect(() => parseTeamsSettings({ ENVIRONMENT: 'production', GRAPH_BASE_URL: 'http://127.0.0.1:7071/dev/graph' })).toThrow(
      'GRAPH_BASE_URL is not allowed in production: production needs an https:// URL',
    );
  });
});
