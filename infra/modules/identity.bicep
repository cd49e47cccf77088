// The one identity the app uses for everything (Durable Task Scheduler, storage, Key Vault,
// telemetry, SharePoint, Graph). User-assigned so it outlives the Function App: role
// assignments and the SharePoint site grant survive a redeploy or a rebuilt app.
param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
