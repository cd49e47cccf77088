// AI governance workflow on Azure: `azd up` provisions this, then deploys the app.
// Layout after the Azure Durable Functions quickstarts: one module per resource family,
// identity-based connections and role assignments instead of keys. The app settings below
// are the contract in shared/config/settingsCatalog.ts; tests/unit/infra checks they agree.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds resource names.')
param environmentName string

@description('Azure region for everything. UK South keeps NHS data in the UK.')
param location string = 'uksouth'

@description('Object id of the person or pipeline running azd (azd sets AZURE_PRINCIPAL_ID): dashboard access and secret management.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

// ---- application parameters (see shared/config/settingsCatalog.ts for meanings) ----
@description('Task hub name; must match what host.json reads (%TASKHUB_NAME%).')
param taskHubName string = 'aigov'

@description('The SharePoint site holding the lists, e.g. https://contoso.sharepoint.com/sites/aigov')
param sharePointSiteUrl string

@description('Where decision links point. Empty: the Function App default host name.')
param publicBaseUrl string = ''

@minValue(1)
@maxValue(720)
param decisionLinkTtlHours int = 168

param smtpHost string = 'send.nhs.net'
param smtpPort int = 587
@allowed(['none', 'password', 'oauth2'])
param smtpAuth string = 'oauth2'
@description('Mailbox the app signs in as; for NHSmail, the same as mailFrom.')
param smtpUser string = ''
param smtpOAuthTenantId string = ''
param smtpOAuthClientId string = ''
param mailFrom string
param governanceLeadEmail string
@description('Audit and Risk Assurance Committee contact, told about overdue policy reviews.')
param auditRiskCommitteeEmail string
@description('Teams app id in the organisation catalogue; empty sends email only.')
param teamsAppId string = ''

@allowed(['manual', 'http', 'email'])
param datixAdapter string = 'manual'
param datixHttpUrl string = ''
param datixCaptureFormUrl string = ''
param datixIntakeMailbox string = ''
@description('How the http adapter signs in to the Datix endpoint: an API key, or Entra client credentials.')
@allowed(['api-key', 'oauth'])
param datixAuth string = 'api-key'
param datixOAuthTenantId string = ''
param datixOAuthClientId string = ''
@description('Scope of the Datix endpoint, e.g. api://<its app id>/.default.')
param datixOAuthScope string = ''

@description('Client id of the Entra app registration for this API (App Service authentication).')
param authClientId string
@description('Application ID URI of that registration. Empty: api://<authClientId>.')
param authIdentifierUri string = ''

// ---- secrets: optional at deployment; empty leaves the vault unchanged ----
@secure()
@description('kid:base64 pairs, current first. Generate, never commit. See docs/deployment.md.')
param decisionSigningKeys string = ''
@secure()
param smtpPassword string = ''
@secure()
param datixApiKey string = ''
@secure()
param datixOAuthClientSecret string = ''

var tags = { 'azd-env-name': environmentName, workload: 'ai-governance' }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var names = {
  resourceGroup: 'rg-${environmentName}'
  identity: 'id-aigov-${token}'
  functionApp: 'func-aigov-${token}'
  plan: 'plan-aigov-${token}'
  storage: 'staigov${take(token, 13)}'
  scheduler: 'dts-aigov-${token}'
  keyVault: 'kv-aigov-${take(token, 13)}'
  logAnalytics: 'log-aigov-${token}'
  applicationInsights: 'appi-aigov-${token}'
  deploymentContainer: 'app-package'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: { name: names.identity, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
  }
}

module durableTaskScheduler 'modules/durableTaskScheduler.bicep' = {
  name: 'durableTaskScheduler'
  scope: rg
  params: { name: names.scheduler, location: location, tags: tags, taskHubName: taskHubName }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    decisionSigningKeys: decisionSigningKeys
    smtpPassword: smtpPassword
    datixApiKey: datixApiKey
    datixOAuthClientSecret: datixOAuthClientSecret
  }
}

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    schedulerName: durableTaskScheduler.outputs.schedulerName
    taskHubName: durableTaskScheduler.outputs.taskHubName
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

// Key Vault references: no secret version, so a rotated secret is picked up (App Service
// re-reads unversioned references within 24 hours, or at once on restart).
var vaultName = keyVault.outputs.name
var identityClientId = identity.outputs.clientId

// ---- app settings: every setting the app reads, plus the platform's own ----
var coreSettings = {
  ENVIRONMENT: 'production'
  TASKHUB_NAME: durableTaskScheduler.outputs.taskHubName
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableTaskScheduler.outputs.endpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
  SHAREPOINT_SITE_URL: sharePointSiteUrl
  SHAREPOINT_AUTH: 'managed-identity'
  PUBLIC_BASE_URL: !empty(publicBaseUrl) ? publicBaseUrl : 'https://${names.functionApp}.azurewebsites.net'
  DECISION_SIGNING_KEYS: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=decision-signing-keys)'
  DECISION_LINK_TTL_HOURS: string(decisionLinkTtlHours)
  SMTP_HOST: smtpHost
  SMTP_PORT: string(smtpPort)
  SMTP_REQUIRE_TLS: 'true'
  SMTP_AUTH: smtpAuth
  SMTP_USER: smtpUser
  SMTP_OAUTH_TENANT_ID: smtpOAuthTenantId
  SMTP_OAUTH_CLIENT_ID: smtpOAuthClientId
  MAIL_FROM: mailFrom
  GRAPH_BASE_URL: 'https://graph.microsoft.com'
  TEAMS_APP_ID: teamsAppId
  DATIX_ADAPTER: datixAdapter
  DATIX_HTTP_URL: datixHttpUrl
  DATIX_CAPTURE_FORM_URL: datixCaptureFormUrl
  DATIX_INTAKE_MAILBOX: datixIntakeMailbox
  GOVERNANCE_LEAD_EMAIL: governanceLeadEmail
  AUDIT_RISK_COMMITTEE_EMAIL: auditRiskCommitteeEmail
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
  AZURE_CLIENT_ID: identityClientId
}

// Secrets only where the chosen mode uses them, so an unused secret need not exist in the vault.
var smtpPasswordSetting = smtpAuth == 'password'
  ? { SMTP_PASSWORD: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=smtp-password)' }
  : {}
// The http adapter signs in with an API key or with Entra client credentials, never both.
var datixSignInSettings = datixAdapter != 'http'
  ? {}
  : datixAuth == 'oauth'
      ? {
          DATIX_OAUTH_TENANT_ID: datixOAuthTenantId
          DATIX_OAUTH_CLIENT_ID: datixOAuthClientId
          DATIX_OAUTH_CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=datix-oauth-client-secret)'
          DATIX_OAUTH_SCOPE: datixOAuthScope
        }
      : { DATIX_API_KEY: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=datix-api-key)' }

var platformSettings = {
  // Host storage by identity (no AccountKey anywhere).
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // App Service authentication: the managed identity stands in for a client secret, and
  // only tokens from our own tenant are accepted.
  OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId
  WEBSITE_AUTH_AAD_ALLOWED_TENANTS: tenant().tenantId
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appSettings: union(coreSettings, smtpPasswordSetting, datixSignInSettings, platformSettings)
    authClientId: authClientId
    authIdentifierUri: !empty(authIdentifierUri) ? authIdentifierUri : 'api://${authClientId}'
    // The only anonymous paths, exactly shared/access/anonymousPaths.ts (a test compares them).
    // SharePoint cannot sign in to deliver list webhook notifications; that path checks the
    // subscription's clientState instead (functions/sharepointWebhook.ts, docs/deployment.md 2.5).
    // The public register and its exports are for everyone, by design (AI Policy: a public register).
    authExcludedPaths: [
      '/api/sharepoint/webhook'
      '/api/public/register'
      '/api/public/register.json'
      '/api/public/register.csv'
      '/api/public/register/*'
    ]
  }
  // Roles first, so the first start can read Key Vault, storage and the task hub.
  dependsOn: [roleAssignments]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output DURABLE_TASK_SCHEDULER_NAME string = durableTaskScheduler.outputs.schedulerName
output DURABLE_TASK_SCHEDULER_ENDPOINT string = durableTaskScheduler.outputs.endpoint
output DURABLE_TASK_HUB_NAME string = durableTaskScheduler.outputs.taskHubName
