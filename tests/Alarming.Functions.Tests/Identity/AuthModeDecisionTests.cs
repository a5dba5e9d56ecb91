using Alarming.Functions.Identity;

namespace Alarming.Functions.Tests.Identity;

public sealed class AuthModeDecisionTests
{
    private static AuthOptions Keystone() => new()
    {
        Mode = "keystone",
        Keystone = new KeystoneOptions { Url = "http://keystone:5000/v3", Username = "aodh", Password = "secret", ProjectName = "service" },
    };

    [Theory]
    [InlineData(null, false, "noauth")]
    [InlineData("", false, "noauth")]
    [InlineData("noauth", false, "noauth")]
    [InlineData("NoAuth", false, "noauth")]
    [InlineData("keystone", true, "keystone")]
    public void ChoosesTheMode_WhenTheSettingsAllowIt(string? mode, bool onAzure, string expected)
    {
        var auth = Keystone();
        auth.Mode = mode;

        var decision = AuthModeDecision.Decide(auth, onAzure);

        Assert.Equal(expected, decision.Mode);
        Assert.Null(decision.Refusal);
        Assert.Null(decision.Warning);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("noauth")]
    public void RefusesNoAuth_OnAzure_UnlessAllowed(string? mode)
    {
        var refused = AuthModeDecision.Decide(new AuthOptions { Mode = mode }, onAzure: true);
        var allowed = AuthModeDecision.Decide(new AuthOptions { Mode = mode, AllowNoAuth = true }, onAzure: true);

        Assert.Null(refused.Mode);
        Assert.Contains("refusing to start", refused.Refusal);
        Assert.Equal("noauth", allowed.Mode);
        Assert.Contains("Auth__AllowNoAuth=true", allowed.Warning);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RefusesAnUnknownMode_Everywhere(bool onAzure)
    {
        var decision = AuthModeDecision.Decide(new AuthOptions { Mode = "keystone3", AllowNoAuth = true }, onAzure);

        Assert.Null(decision.Mode);
        Assert.Equal("Auth__Mode 'keystone3' is not one of noauth, keystone, entra: refusing to start.", decision.Refusal);
    }

    [Fact]
    public void NamesTheMissingSettings_OfTheChosenMode()
    {
        var keystone = Keystone();
        keystone.Keystone.Password = null;
        keystone.Keystone.Url = "keystone:5000";
        var entra = new AuthOptions { Mode = "entra", Entra = new EntraOptions { TenantId = "t1" } };

        Assert.Equal("Auth__Mode=keystone needs Auth__Keystone__Url, Auth__Keystone__Password (URLs absolute, http or https): refusing to start.",
            AuthModeDecision.Decide(keystone, onAzure: false).Refusal);
        Assert.Equal("Auth__Mode=entra needs Auth__Entra__Audience (URLs absolute, http or https): refusing to start.",
            AuthModeDecision.Decide(entra, onAzure: false).Refusal);
    }
}
