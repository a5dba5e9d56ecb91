namespace Alarming.Core.Usage;

/// <summary>One project's entry of <c>GET /v2/usage/alarms</c> (the "Support Alarm Metering Data" proposal).</summary>
public sealed record AlarmUsage(string? ProjectId, AlarmCounts Counts);
