// Alarming on Azure Functions (Flex Consumption), reached by managed identity only.
// `azd up` deploys this with main.parameters.json; `az deployment sub create` can use dev.bicepparam.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd: AZURE_ENV_NAME); names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan.')
param location string

@description('Object id of the deploying user (azd: AZURE_PRINCIPAL_ID); empty grants nobody but the app.')
param principalId string = ''

@description('Whether the deploying user gets the data roles the app has, to read tables, queues and telemetry while debugging.')
param grantDeployerAccess bool = true

@allowed([
  'User'
  'ServicePrincipal'
])
@description('What principalId is: a user, or the service principal of a pipeline.')
param principalType string = 'User'

@allowed([
  'entra'
  'keystone'
  'noauth'
])
@description('Who may call the API: Microsoft Entra ID tokens (default), Keystone tokens, or noauth (identity headers trusted; only behind a gateway that sets them).')
param authMode string = 'entra'

@description('Entra mode: the tenant whose tokens are accepted; empty is this subscription\'s tenant.')
param entraTenantId string = ''

@description('Entra mode: the audience of the API\'s app registration, api://<client-id>.')
param entraAudience string = ''

@description('Keystone mode: the Keystone v3 endpoint, https://keystone.example.net/v3.')
param keystoneUrl string = ''

@description('Keystone mode: the service user that validates tokens.')
param keystoneUsername string = ''

@secure()
@description('Keystone mode: that user\'s password (or a Key Vault reference to it).')
param keystonePassword string = ''

@description('Keystone mode: the service user\'s project.')
param keystoneProjectName string = 'service'

@description('NCRONTAB schedule (six fields, UTC) of the evaluation fan-out.')
param alarmEvaluationSchedule string = '0 */1 * * * *'

@description('Comma-separated CIDRs, addresses or host names webhooks may reach although private; empty allows only public addresses.')
param notifierAllowedNetworks string = ''

@description('Queue that receives alarm change events (alarm-changes, say); empty turns them off.')
param changesQueue string = ''

@minValue(40)
@maxValue(1000)
@description('Most instances the app scales out to (Flex Consumption counts every function group together).')
param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
@description('Memory of one instance, in MB.')
param instanceMemoryMB int = 2048

@description('More app settings, by name, over the template\'s (signing secrets as Key Vault references, quotas, ...). The template writes the whole list on every provision: keep settings here, not in the portal.')
param serviceSettings object = {}

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
  }
}

module appAccess 'app/rbac.bicep' = {
  name: 'app-access'
  scope: resourceGroup
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module deployerAccess 'app/rbac.bicep' = if (grantDeployerAccess && !empty(principalId)) {
  name: 'deployer-access'
  scope: resourceGroup
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: resourceGroup
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    authMode: authMode
    entraTenantId: empty(entraTenantId) ? tenant().tenantId : entraTenantId
    entraAudience: entraAudience
    keystoneUrl: keystoneUrl
    keystoneUsername: keystoneUsername
    keystonePassword: keystonePassword
    keystoneProjectName: keystoneProjectName
    alarmEvaluationSchedule: alarmEvaluationSchedule
    notifierAllowedNetworks: notifierAllowedNetworks
    changesQueue: changesQueue
    serviceSettings: serviceSettings
  }
  // The app's first start reads storage with the identity: give it its roles first.
  dependsOn: [
    appAccess
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
