import { z } from 'zod';

export interface TeamsSettings {
  /** Microsoft Graph root without the version, e.g. https://graph.microsoft.com. */
  graphBaseUrl: string;
  /** Our Teams app's id in the organisation catalogue; absent means Teams is off (email only). */
  teamsAppId?: string;
}

const Env = z.object({
  GRAPH_BASE_URL: z.url({ protocol: /^https?$/, error: 'give an absolute http(s) URL, e.g. https://graph.microsoft.com' }).default('https://graph.microsoft.com'),
  TEAMS_APP_ID: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'give the Teams app id, a GUID')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/**
 * Reads the Teams settings (names as in shared/config/settingsCatalog.ts). In production the
 * Graph URL must be https; only the local stand-in is reached over http.
 */
export function parseTeamsSettings(env: Record<string, string | undefined>, options: { production: boolean }): TeamsSettings {
  const result = Env.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `- ${String(i.path[0])}: ${i.message}`);
    throw new Error(`The Teams settings are not valid:\n${lines.join('\n')}`, { cause: result.error });
  }
  const graphBaseUrl = result.data.GRAPH_BASE_URL.replace(/\/+$/, '');
  if (options.production && !graphBaseUrl.startsWith('https://')) {
    throw new Error('The Teams settings are not valid:\n- GRAPH_BASE_URL: must be https in production (http is for the local Graph stand-in only)');
  }
  return { graphBaseUrl, ...(result.data.TEAMS_APP_ID ? { teamsAppId: result.data.TEAMS_APP_ID } : {}) };
}
