using System.Text.Json.Nodes;
using Alarming.Functions.Host;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage;

namespace Alarming.Functions.Tests.Deployment;

/// <summary>The function app's settings own the service's configuration: every option the service
/// reads is set by the template (at the service's default unless the deployment decides it), and
/// every setting the template writes is one something reads, so a misspelt key cannot silently do
/// nothing.</summary>
public sealed class AppSettingsTests
{
    /// <summary>Read by the Functions host itself, not by our code.</summary>
    private static readonly string[] HostSettings = ["APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    /// <summary>The identity modes' settings. They are read by the sign-in code through its own
    /// options; while no options class binds the section, only their presence is checked here, and
    /// once one does, its keys are checked like any other.</summary>
    private const string IdentitySection = "Auth";

    private static CompiledTemplate Api => CompiledTemplate.Main.Module("api");

    [Fact]
    public void EveryOptionTheServiceReads_IsAnAppSetting()
    {
        var keys = AppSettings.Keys(Api).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // The table names are not settings of the deployment: the template creates the tables under
        // the defaults (InfraTemplateTests), so the defaults must hold.
        var missing = OptionSettings.Scalars.Where(s => s.Options != typeof(StorageOptions) && !keys.Contains(s.Key)).Select(s => s.Key).ToList();

        Assert.True(missing.Count == 0, "infra/app/api.bicep sets none of: " + string.Join(", ", missing) +
            " (add them to serviceDefaults with the service's default, or to platformSettings)");
    }

    [Fact]
    public void ServiceDefaults_AreTheServicesOwnDefaults()
    {
        var defaults = Api.Variable("serviceDefaults").AsObject();
        var options = OptionSettings.Scalars.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
        Assert.All(defaults, setting =>
        {
            Assert.True(options.TryGetValue(setting.Key, out var option), $"serviceDefaults sets {setting.Key}, which no option reads");
            Assert.True(option!.DefaultValue == (string?)setting.Value,
                $"serviceDefaults sets {setting.Key} to '{setting.Value}' but the service's default is '{option.DefaultValue}'");
        });
        var platform = Api.Variable("platformSettings").AsObject();
        Assert.Empty(defaults.Select(d => d.Key).Intersect(platform.Select(p => p.Key), StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryAppSetting_IsReadBySomething()
    {
        var options = OptionSettings.Scalars.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var storage = StorageConnection.IdentitySettings.Select(s => StorageConnection.SettingName + "__" + s).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var triggers = TriggerSettings().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var identityBound = OptionSettings.Sections.Contains(IdentitySection, StringComparer.OrdinalIgnoreCase);

        var unread = AppSettings.Keys(Api).Where(key =>
            !options.Contains(key) && !storage.Contains(key) && !triggers.Contains(key) && !HostSettings.Contains(key)
            && !OptionSettings.MapPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && !(!identityBound && key.StartsWith(IdentitySection + "__", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(unread.Count == 0, "infra/app/api.bicep sets settings nothing reads: " + string.Join(", ", unread));
    }

    [Fact]
    public void EverySettingATriggerNames_IsSet()
    {
        var triggers = TriggerSettings();
        Assert.Contains("AlarmEvaluationSchedule", triggers);
        // The Functions host refuses to index a function whose %Setting% is missing.
        Assert.Empty(triggers.Except(AppSettings.Keys(Api), StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Deployments_AskForTokens_UnlessTheyChooseOtherwise()
    {
        var main = CompiledTemplate.Main.Json["parameters"]!;
        Assert.Equal("entra", (string?)main["authMode"]!["defaultValue"]);
        var azd = JsonNode.Parse(File.ReadAllText(Path.Combine(AlarmingHostFixture.ProjectDirectory, "infra", "main.parameters.json")))!;
        Assert.Equal("${ALARMING_AUTH_MODE=entra}", (string?)azd["parameters"]!["authMode"]!["value"]);
        var settings = AppSettings.Values(Api);
        Assert.Equal("[parameters('authMode')]", (string?)settings["Auth__Mode"]);
        // Only an explicit noauth tells the app that trusting identity headers was meant.
        Assert.Equal("true", (string?)Api.Variable("noauthSettings")["Auth__AllowNoAuth"]);
        Assert.DoesNotContain("Auth__AllowNoAuth", Api.Variable("platformSettings").AsObject().Select(p => p.Key));
    }

    [Fact]
    public void EntraAppRoles_DeclareTheRolesTheSignInMaps_EachWithItsOwnId()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(AlarmingHostFixture.ProjectDirectory, "infra", "entra-app-roles.json")))!.AsArray();
        Assert.Equal(["Alarming.Admin", "Alarming.Member", "Alarming.Service"], roles.Select(r => (string)r!["value"]!).Order());
        Assert.All(roles, r => Assert.True(Guid.TryParse((string?)r!["id"], out _)));
        Assert.Equal(roles.Count, roles.Select(r => (string)r!["id"]!).Distinct().Count());
    }

    /// <summary>The <c>%Setting%</c> names in the functions' trigger attributes.</summary>
    private static List<string> TriggerSettings() =>
        LocalFunctionsHost.Functions
            .SelectMany(f => new[] { f.Schedule, f.QueueName, f.Route })
            .Where(v => v is { Length: > 2 } && v.StartsWith('%') && v.EndsWith('%'))
            .Select(v => v![1..^1]).Distinct().ToList();
}
