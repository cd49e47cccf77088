// Durable Task Scheduler: the production Durable backend (host.json storageProvider
// "azureManaged"). Consumption SKU: pay per action, no capacity to size for our volumes.
// API version and property names: Microsoft.DurableTask/schedulers template reference (2026-02-01).
param name string
param location string
param tags object = {}
@description('Must equal the TASKHUB_NAME app setting (host.json reads %TASKHUB_NAME%).')
param taskHubName string
@description('Addresses allowed to reach the scheduler. An empty list blocks everyone, including the app; access is still gated by Entra ID roles.')
param ipAllowlist array = ['0.0.0.0/0']

resource scheduler 'Microsoft.DurableTask/schedulers@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: { name: 'Consumption' }
    ipAllowlist: ipAllowlist
    publicNetworkAccess: 'Enabled'
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2026-02-01' = {
  parent: scheduler
  name: taskHubName
}

output schedulerName string = scheduler.name
output taskHubName string = taskHub.name
output endpoint string = scheduler.properties.endpoint
