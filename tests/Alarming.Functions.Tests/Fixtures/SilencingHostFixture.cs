namespace Alarming.Functions.Tests.Fixtures;

/// <summary>A notifying host with a silence quota of <see cref="Quota"/> per project.</summary>
public sealed class SilencingHostFixture : NotifyingHostFixture
{
    public const int Quota = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Api:SilenceQuota"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
