namespace Alarming.Functions.Tests.Fixtures;

/// <summary>A notifying host whose evaluation timer is off: alarms keep the state they were given, so
/// tests that move the clock by minutes see only the notifications they send themselves.</summary>
public sealed class NotifierOnlyHostFixture : NotifyingHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["AzureWebJobs.FanOutEvaluation.Disabled"] = "true" };
}
