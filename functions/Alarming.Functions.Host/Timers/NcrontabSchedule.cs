using Cronos;

namespace Alarming.Functions.Host.Timers;

/// <summary>A Functions timer schedule: six-field NCRONTAB (seconds first) or five-field cron,
/// possibly an <c>%AppSetting%</c> reference, always in UTC.</summary>
internal static class NcrontabSchedule
{
    public static CronExpression Parse(string schedule, IConfiguration configuration)
    {
        var text = schedule;
        if (text.StartsWith('%') && text.EndsWith('%') && text.Length > 2)
        {
            var setting = text[1..^1];
            text = configuration[setting] ?? throw new InvalidOperationException($"Timer schedule setting '{setting}' is not set.");
        }
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}
