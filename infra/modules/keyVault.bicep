// Key Vault for the app's secrets: decision-link signing keys, SMTP password (if a relay
// still needs one), Datix API key. RBAC mode (no access policies): the app's identity gets
// Key Vault Secrets User, nothing more. Secret values are never in the repository: pass
// them at deployment (azd prompts / environment) or set them afterwards (docs/deployment.md).
param name string
param location string
param tags object = {}
// Empty values are skipped, so a redeploy without them leaves the vault's secrets as they are.
@secure()
param decisionSigningKeys string = ''
@secure()
param smtpPassword string = ''
@secure()
param datixApiKey string = ''
@secure()
param datixOAuthClientSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A deleted vault (or a secret in it) can be recovered but not purged early: signing keys
    // and credentials cannot be lost to a mistaken "azd down --purge".
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

// Secret names are fixed here and in the Key Vault references in main.bicep.
var secretValues = [
  { name: 'decision-signing-keys', value: decisionSigningKeys }
  { name: 'smtp-password', value: smtpPassword }
  { name: 'datix-api-key', value: datixApiKey }
  { name: 'datix-oauth-client-secret', value: datixOAuthClientSecret }
]

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for item in secretValues: if (!empty(item.value)) {
    parent: vault
    name: item.name
    properties: { value: item.value }
  }
]

output name string = vault.name
output uri string = vault.properties.vaultUri
