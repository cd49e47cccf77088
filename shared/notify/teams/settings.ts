import type { Settings } from '../../config/settings';

/** The Teams notifier's slice of the app settings (validated by shared/config: https in production). */
export const TEAMS_SETTING_NAMES = ['GRAPH_BASE_URL', 'TEAMS_APP_ID'] as const;
export type TeamsSettingSlice = Pick<Settings, (typeof TEAMS_SETTING_NAMES)[number]>;

export interface TeamsSettings {
  /** Microsoft Graph root without the version, e.g. https://graph.microsoft.com. */
  graphBaseUrl: string;
  /** Our Teams app's id in the organisation catalogue; absent means Teams is off (email only). */
  teamsAppId?: string;
}

export function teamsSettingsFrom(s: TeamsSettingSlice): TeamsSettings {
  return { graphBaseUrl: s.GRAPH_BASE_URL.replace(/\/+$/, ''), ...(s.TEAMS_APP_ID ? { teamsAppId: s.TEAMS_APP_ID } : {}) };
}
