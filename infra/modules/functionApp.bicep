// The Function App on Flex Consumption (Linux, Node.js), running as the user-assigned
// identity, with App Service authentication (Entra ID) in front of every HTTP endpoint.
// App settings come from main.bicep, where each is named after the setting the code reads.
param name string
param planName string
param location string
param tags object = {}
param identityId string
param deploymentContainerUrl string
@allowed(['20', '22'])
param nodeVersion string = '22'
param instanceMemoryMB int = 2048
@description('Upper bound on scale-out; also bounds cost and the load we put on SharePoint and Graph.')
param maximumInstanceCount int = 40
@description('Every app setting, name → value (secrets as Key Vault references only).')
param appSettings object

@description('Client id of the Entra app registration that represents this API (SPFx requests tokens for it).')
param authClientId string
@description('Application ID URI of that registration, e.g. api://<client id>.')
param authIdentifierUri string
@description('Paths served without sign-in: exactly shared/access/anonymousPaths.ts (the SharePoint webhook receiver and the public register); see docs/deployment.md before adding one.')
param authExcludedPaths array = []

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Without this, Key Vault references would be resolved with a system identity we do not have.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: { name: 'node', version: nodeVersion }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

// Publishing with user names and passwords is off; azd deploys with the signed-in Entra identity.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

// Sign-in is required on every request. Browsers (approvers opening a decision link) are sent
// to the Microsoft sign-in page; the SPFx web part arrives with a bearer token (AadHttpClient).
// Function keys are not a way for people to authenticate.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: authExcludedPaths
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: { convention: 'NoProxy' }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: authClientId
          // No client secret: the sign-in flow proves the app with the managed identity
          // (federated credential on the registration; setting set in main.bicep).
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
        }
        validation: {
          allowedAudiences: [authIdentifierUri, authClientId]
        }
        login: {
          loginParameters: ['scope=openid profile email']
        }
      }
    }
    login: {
      // Flex Consumption has no persistent file system for a token store, and we do not call
      // downstream APIs with the user's token, so none is kept.
      tokenStore: { enabled: false }
      preserveUrlFragmentsForLogins: true
    }
  }
  dependsOn: [settings]
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
