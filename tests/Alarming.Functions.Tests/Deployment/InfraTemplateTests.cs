using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alarming.Functions.Host;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage;
using Alarming.Storage.Queues;

namespace Alarming.Functions.Tests.Deployment;

/// <summary><c>infra/</c> as the Bicep CLI compiles it: what a deployment would create, checked
/// against the service's code where the compiler cannot (names, values, roles). Nothing here
/// reaches Azure.</summary>
public sealed class InfraTemplateTests
{
    /// <summary>Built-in role ids (the same in every tenant and cloud), from Microsoft's built-in
    /// roles reference.</summary>
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static CompiledTemplate Api => CompiledTemplate.Main.Module("api");

    [Fact]
    public void EveryBicepFile_LintsWithoutAnError_WarningOrInfo()
    {
        BicepCli.RunClean("lint", "--pattern", "infra/**/*.bicep");
        foreach (var parameters in Directory.GetFiles(Path.Combine(AlarmingHostFixture.ProjectDirectory, "infra"), "*.bicepparam", SearchOption.AllDirectories))
        {
            BicepCli.RunClean("build-params", Path.GetRelativePath(AlarmingHostFixture.ProjectDirectory, parameters), "--stdout");
        }
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10_OnAFlexConsumptionPlan()
    {
        var plan = Api.ResourcesOfType("Microsoft.Web/serverfarms").Single();
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!, "a Flex Consumption plan is Linux (reserved)");

        var site = Site();
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        // A string: the number 10, or '10', deploys and never starts.
        Assert.Equal(JsonValueKind.String, runtime["version"]!.GetValueKind());
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("net10.0", TargetFramework());
    }

    [Fact]
    public void FunctionApp_IsHttpsOnly_TaggedForAzd_AndDeploysFromItsContainerWithItsIdentity()
    {
        var site = Site();
        var properties = site["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Contains("'azd-service-name', 'api'", (string?)site["tags"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);

        var deployment = properties["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Contains("parameters('deploymentContainerName')", (string?)deployment["value"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)deployment["authentication"]!["userAssignedIdentityResourceId"]);

        var scale = properties["functionAppConfig"]!["scaleAndConcurrency"]!;
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)CompiledTemplate.Main.ModuleDeployment("api")["properties"]!["parameters"]!["maximumInstanceCount"]!["value"]);
    }

    [Fact]
    public void FunctionApp_SetsNothingFlexConsumptionRefuses()
    {
        // Settings Flex Consumption does not take (their job moved into functionAppConfig), as
        // Azure's own migration to Flex drops them.
        string[] refused =
        [
            "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION",
            "FUNCTIONS_MAX_HTTP_CONCURRENCY", "FUNCTIONS_WORKER_PROCESS_COUNT", "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED",
            "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
            "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTOVERVNET", "WEBSITE_SKIP_CONTENTSHARE_VALIDATION", "WEBSITE_NODE_DEFAULT_VERSION",
            "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT", "WEBSITE_DNS_SERVER", "WEBSITE_VNET_ROUTE_ALL", "WEBSITE_MOUNT_ENABLED",
            "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED", "AzureWebJobsDashboard",
        ];
        var settings = AppSettings.Keys(Api);
        Assert.Empty(settings.Intersect(refused, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings, k => k.StartsWith("WEBSITE_CONTENT", StringComparison.OrdinalIgnoreCase));
        // Shared keys are off, so a connection string could never work: only the identity settings.
        Assert.DoesNotContain(StorageConnection.SettingName, settings, StringComparer.OrdinalIgnoreCase);

        var siteConfig = Site()["properties"]!["siteConfig"]!.AsObject();
        Assert.DoesNotContain(siteConfig, p => p.Key is "linuxFxVersion" or "netFrameworkVersion" or "appSettings");
    }

    [Fact]
    public void FunctionApp_ReachesStorageAndTelemetryWithItsIdentity()
    {
        var settings = AppSettings.Values(Api);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal($"[parameters('{service}Endpoint')]", (string?)settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", (string?)settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

        // The endpoints are the ones the account reports, whatever the cloud's suffix.
        var parameters = CompiledTemplate.Main.ModuleDeployment("api")["properties"]!["parameters"]!;
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.EndsWith($".outputs.{service}Endpoint.value]", (string?)parameters[$"{service}Endpoint"]!["value"]);
            Assert.Equal($"[reference('storage').primaryEndpoints.{service}]",
                ((string?)CompiledTemplate.Main.Module("storage").Json["outputs"]![$"{service}Endpoint"]!["value"])!.Replace(
                    "reference(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), '2023-05-01')", "reference('storage')"));
        }
    }

    [Fact]
    public void EveryQueueTheServiceUses_IsCreated_WithThePoisonTwinOfEachQueueItReads()
    {
        var constants = typeof(QueueNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        var triggered = LocalFunctionsHost.Functions.Where(f => f.QueueName is not null).Select(f => f.QueueName!).ToList();
        Assert.NotEmpty(triggered);
        var read = triggered.Concat(QueueNames.All).Distinct();
        var expected = constants.Concat(QueueNames.All).Concat(read.Select(q => q + "-poison")).Distinct().Order();

        Assert.Equal(expected, CreatedNames("Microsoft.Storage/storageAccounts/queueServices/queues").Order());
    }

    [Fact]
    public void EveryTableTheServiceUses_IsCreated_UnderItsDefaultName()
    {
        var defaults = new StorageOptions();
        var expected = typeof(StorageOptions).GetProperties().Where(p => p.PropertyType == typeof(string))
            .Select(p => (string)p.GetValue(defaults)!).Order().ToList();
        Assert.Equal(15, expected.Count);

        Assert.Equal(expected, CreatedNames("Microsoft.Storage/storageAccounts/tableServices/tables").Order());
    }

    [Fact]
    public void StorageAccount_RefusesSharedKeys_AnonymousReadsAndOldTls_AndHoldsTheDeploymentContainer()
    {
        var storage = CompiledTemplate.Main.Module("storage");
        var properties = storage.ResourcesOfType("Microsoft.Storage/storageAccounts").Single()["properties"]!;
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);

        var containers = CreatedNames("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Contains((string?)storage.Variable("deploymentContainerName"), containers);
        Assert.Contains("azure-webjobs-hosts", containers);  // the timers' locks and schedule status
    }

    [Fact]
    public void RoleAssignments_GiveTheAppsIdentityExactlyTheDataRoles_AndTheDeployerTheSameOnlyWhenAsked()
    {
        var app = RoleAssignments("app-access");
        List<(string, string)> expected =
        [
            ("Microsoft.Storage/storageAccounts", StorageBlobDataOwner), ("Microsoft.Storage/storageAccounts", StorageQueueDataContributor),
            ("Microsoft.Storage/storageAccounts", StorageTableDataContributor), ("Microsoft.Insights/components", MonitoringMetricsPublisher),
        ];
        Assert.Equal(expected.Order(),
            app.Order().ToList());
        var appParameters = CompiledTemplate.Main.ModuleDeployment("app-access")["properties"]!["parameters"]!;
        Assert.Equal("ServicePrincipal", (string?)appParameters["principalType"]!["value"]);
        Assert.Contains("outputs.principalId.value", (string?)appParameters["principalId"]!["value"]);

        Assert.Equal(app.Order(), RoleAssignments("deployer-access").Order());
        var deployer = CompiledTemplate.Main.ModuleDeployment("deployer-access");
        Assert.Equal("[and(parameters('grantDeployerAccess'), not(empty(parameters('principalId'))))]", (string?)deployer["condition"]);
        Assert.Equal("[parameters('principalId')]", (string?)deployer["properties"]!["parameters"]!["principalId"]!["value"]);
    }

    [Fact]
    public void Telemetry_HasLocalAuthenticationOff()
    {
        var monitoring = CompiledTemplate.Main.Module("monitoring");
        Assert.True((bool)monitoring.ResourcesOfType("Microsoft.Insights/components").Single()["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)monitoring.ResourcesOfType("Microsoft.OperationalInsights/workspaces").Single()["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void Deployment_OutputsTheApiUrl_TheAppName_AndTheResourceGroup()
    {
        var main = CompiledTemplate.Main;
        Assert.Contains("subscriptionDeploymentTemplate", (string?)main.Json["$schema"]);
        var outputs = main.Json["outputs"]!.AsObject();
        Assert.Contains("outputs.uri.value", (string?)outputs["SERVICE_API_URI"]!["value"]);
        Assert.Contains("outputs.name.value", (string?)outputs["SERVICE_API_NAME"]!["value"]);
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", (string?)outputs["AZURE_RESOURCE_GROUP"]!["value"]);
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('name')), '2024-04-01').defaultHostName)]",
            (string?)Api.Json["outputs"]!["uri"]!["value"]);
    }

    [Fact]
    public void AzdParameters_FillTheTemplatesParameters_FromTheEnvironment()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AlarmingHostFixture.ProjectDirectory, "infra", "main.parameters.json")))!;
        var given = file["parameters"]!.AsObject();
        var declared = CompiledTemplate.Main.Json["parameters"]!.AsObject();
        // A name the template does not declare fails the deployment.
        Assert.All(given, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets {p.Key}, which main.bicep does not declare"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)given["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)given["location"]!["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)given["principalId"]!["value"]);
        // Every parameter without a default is given.
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(given.ContainsKey(p.Key), $"main.parameters.json does not set {p.Key}"));
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProjectToTheAppTaggedApi()
    {
        var lines = File.ReadAllLines(Path.Combine(AlarmingHostFixture.ProjectDirectory, "azure.yaml")).Select(l => l.TrimEnd()).ToList();
        var api = lines.IndexOf("  api:");
        Assert.True(api > lines.IndexOf("services:") && lines.IndexOf("services:") >= 0, "azure.yaml has services: api:");
        var service = lines.Skip(api + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Contains("project: functions/Alarming.Functions", service);
        Assert.Contains("language: dotnet", service);
        Assert.Contains("host: function", service);
        Assert.True(File.Exists(Path.Combine(AlarmingHostFixture.ProjectDirectory, "functions", "Alarming.Functions", "Alarming.Functions.csproj")));
    }

    private static JsonObject Site() => Api.ResourcesOfType("Microsoft.Web/sites").Single();

    /// <summary>The names a module's looped resource of <paramref name="type"/> is created under.</summary>
    private static List<string> CreatedNames(string type)
    {
        var storage = CompiledTemplate.Main.Module("storage");
        var resource = storage.ResourcesOfType(type).Single();
        // A loop compiles to a copy count over the array and a name indexed by copyIndex().
        var array = System.Text.RegularExpressions.Regex.Match((string)resource["name"]!, @"variables\('([^']+)'\)\[copyIndex\(\)\]\)\]$").Groups[1].Value;
        Assert.Equal($"[length(variables('{array}'))]", (string?)resource["copy"]?["count"]);
        return storage.Variable(array).AsArray().Select(n => storage.Resolve(n!).GetValue<string>()).ToList();
    }

    /// <returns>(scope type, role definition id) of every role assignment of a module.</returns>
    private static List<(string Scope, string Role)> RoleAssignments(string module) =>
        CompiledTemplate.Main.Module(module).ResourcesOfType("Microsoft.Authorization/roleAssignments").Select(r =>
        {
            var role = System.Text.RegularExpressions.Regex.Match((string)r["properties"]!["roleDefinitionId"]!,
                @"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '([0-9a-f-]{36})'\)\]$").Groups[1].Value;
            var scope = (string)r["scope"]!;
            return (scope.Contains("Microsoft.Storage/storageAccounts") ? "Microsoft.Storage/storageAccounts"
                : scope.Contains("Microsoft.Insights/components") ? "Microsoft.Insights/components" : scope, role);
        }).ToList();

    /// <summary>The framework every project builds for (the runtime version must be the same).</summary>
    private static string TargetFramework()
    {
        var props = File.ReadAllText(Path.Combine(AlarmingHostFixture.ProjectDirectory, "Directory.Build.props"));
        return System.Text.RegularExpressions.Regex.Match(props, "<TargetFramework>([^<]+)</TargetFramework>").Groups[1].Value;
    }
}
