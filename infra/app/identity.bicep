// The app's one identity, for storage, its deployment package and Application Insights.
// User-assigned, so its roles exist before the app does and survive re-creating the app.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
