// The function app on a Flex Consumption plan: runtime, scale and deployment in functionAppConfig,
// every setting the service reads in its app settings, storage and telemetry by managed identity.
param name string
param planName string
param location string
param tags object

@description('Resource id and client id of the app\'s user-assigned identity.')
param identityId string
param identityClientId string

@description('The storage account\'s service endpoints, as the account reports them.')
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@allowed([
  'entra'
  'keystone'
  'noauth'
])
param authMode string
param entraTenantId string
param entraAudience string
param keystoneUrl string
param keystoneUsername string
@secure()
param keystonePassword string
param keystoneProjectName string

param alarmEvaluationSchedule string
param notifierAllowedNetworks string
param changesQueue string

@description('App settings over the ones below, by name.')
param serviceSettings object

// What this deployment decides: the storage connection (identity-based, no keys), telemetry with
// Entra authentication, the schedule the fan-out timer reads, and who may call the API.
var platformSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AlarmEvaluationSchedule: alarmEvaluationSchedule
  Notifier__AllowedNetworks: notifierAllowedNetworks
  Changes__Queue: changesQueue
  Auth__Mode: authMode
}

var entraSettings = {
  Auth__Entra__TenantId: entraTenantId
  Auth__Entra__Audience: entraAudience
}

var keystoneSettings = {
  Auth__Keystone__Url: keystoneUrl
  Auth__Keystone__Username: keystoneUsername
  Auth__Keystone__Password: keystonePassword
  Auth__Keystone__ProjectName: keystoneProjectName
}

// noauth is a choice made explicitly here (the parameter), so the app is told it was meant.
var noauthSettings = {
  Auth__AllowNoAuth: 'true'
}

// Every other option the service reads, at the service's own defaults (a test keeps the two
// equal), so the deployed configuration is all in one place; override through serviceSettings.
var serviceDefaults = {
  Api__UserAlarmQuota: '-1'
  Api__ProjectAlarmQuota: '-1'
  Api__SilenceQuota: '100'
  Api__AlarmMaxActions: '-1'
  Api__GnocchiExternalProjectOwnerId: ''
  Api__PrometheusEnabled: 'false'
  Api__MaxBodyBytes: '114688'
  Api__Cors__AllowedOrigins: ''
  History__Record: 'true'
  Evaluator__EvaluationIntervalSeconds: '60'
  Evaluator__BatchSize: '100'
  Evaluator__AdditionalIngestionLagSeconds: '0'
  Evaluator__LegacyThresholdMaxResources: '1000'
  Evaluator__ServiceUserId: 'alarming'
  Evaluator__ServiceProjectId: 'service'
  Metrics__RetentionDays: '7'
  Metrics__MaxBodyBytes: '10485760'
  Notifier__RestTimeoutSeconds: '30'
  Notifier__RestMaxRetries: '0'
  Notifier__RestSslVerify: 'true'
  Notifier__LogRetentionDays: '30'
  Outbox__SweepAfterSeconds: '60'
  Auth__Keystone__UserDomainName: 'Default'
  Auth__Keystone__ProjectDomainName: 'Default'
  Auth__Keystone__CacheSeconds: '300'
  Auth__Keystone__WwwAuthenticateUri: ''
  Auth__Entra__Authority: ''
  Auth__Entra__TenantIsProject: 'true'
  Events__IntakeSecret: ''
  Events__DefaultProject: ''
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve with the app's identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The version is the string '10.0': '10' is accepted and never starts.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(
      serviceDefaults,
      platformSettings,
      authMode == 'entra' ? entraSettings : {},
      authMode == 'keystone' ? keystoneSettings : {},
      authMode == 'noauth' ? noauthSettings : {},
      serviceSettings
    )
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
