// A development deployment without azd:
//   az deployment sub create --location swedencentral --template-file infra/main.bicep --parameters infra/dev.bicepparam
// then publish the app (see the README). Entra mode needs entraAudience (the app registration).
using 'main.bicep'

param environmentName = 'alarming-dev'
param location = 'swedencentral'
param authMode = 'entra'
param entraAudience = ''
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param serviceSettings = {
  Metrics__RetentionDays: '2'
}
