namespace Alarming.Functions.Tests.Fixtures;

/// <summary>A host whose evaluation timer never fires (a schedule before the fake clock's start),
/// for API tests that move the clock and must not see evaluator transitions.</summary>
public sealed class ApiOnlyHostFixture : AlarmingHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AlarmEvaluationSchedule"] = "0 0 0 1 1 *",
    };
}
