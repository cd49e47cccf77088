// Log Analytics + workspace-based Application Insights. Local (key-based) ingestion is
// switched off: telemetry is accepted only with an Entra token from the app's identity
// (Monitoring Metrics Publisher, assigned in roleAssignments.bicep).
param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object = {}
@description('Days to keep logs; 30 is included in the Log Analytics price.')
param retentionInDays int = 30

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
output logAnalyticsName string = logAnalytics.name
