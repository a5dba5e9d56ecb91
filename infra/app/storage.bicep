// The one storage account: the service's tables and queues, the Functions host's blobs and the
// deployment package. Shared keys are off: only Entra identities with data roles get in.
param name string
param location string
param tags object

// Every table the service uses, under its default name (the Storage__*Table settings).
var tableNames = [
  'alarms'
  'alarmids'
  'history'
  'quotas'
  'metrics'
  'resources'
  'measures'
  'archivepolicies'
  'ticks'
  'resourcetypes'
  'notifications'
  'usageprojects'
  'deliveries'
  'silences'
  'mutednotifications'
]

// Every queue the service reads or writes, with the -poison twins the Functions host moves a
// message to after maxDequeueCount failures, and the conventional queue of change events.
// Made here, so the app never needs to create them.
var queueNames = [
  'alarm-evaluate'
  'alarm-evaluate-poison'
  'alarm-notify'
  'alarm-notify-poison'
  'alarm-events'
  'alarm-events-poison'
  'alarm-changes'
]

// One package container per app (Flex Consumption deploys from it), and the Functions host's own.
var deploymentContainerName = 'app-package'
var containerNames = [
  deploymentContainerName
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in containerNames: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
  parent: queueService
  name: queueName
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainerName
