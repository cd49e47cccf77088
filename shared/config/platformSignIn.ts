/**
 * App Service sets WEBSITE_AUTH_ENABLED=True on every instance when its authentication is on. The app
 * trusts the principal headers only because App Service authentication sets them and drops any a
 * client sends, so in production it refuses to start without it rather than run open.
 */
export const PLATFORM_SIGN_IN_SIGNAL = 'WEBSITE_AUTH_ENABLED';

export function platformSignInProblem(raw: Readonly<Record<string, string | undefined>>): string | undefined {
  if (raw[PLATFORM_SIGN_IN_SIGNAL]?.trim().toLowerCase() === 'true') return undefined;
  return (
    `${PLATFORM_SIGN_IN_SIGNAL} is not "True": App Service authentication is off for this Function App, so the app cannot tell who is signed in and will not start. ` +
    'Turn authentication on (Authentication in the portal, or the authsettingsV2 resource of infra/modules/functionApp.bicep: platform enabled, requireAuthentication true) and restart the app.'
  );
}
