using System.Text.Json.Nodes;
using Alarming.Core.Events;
using Alarming.Functions.Evaluation;
using Alarming.Storage.Notifications;
using Alarming.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Tests.Fixtures;

/// <summary>The host with the event intake's shared secret set and the notifier running.</summary>
public class EventsHostFixture : AlarmingHostFixture
{
    public const string IntakeSecret = "intake-s3cret";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AzureWebJobs.NotifyAlarm.Disabled"] = "false",
        ["Events:IntakeSecret"] = IntakeSecret,
    };

    /// <summary>Waits until the event queue is drained and nothing runs.</summary>
    public Task WaitForEventsAsync() => WaitForIdleAsync(QueueNames.Events);

    /// <summary>The actions run for the notification an event's firing of an alarm sends.</summary>
    public Task<IReadOnlyList<ActionOutcome>> OutcomesAsync(string alarmId, string messageId) =>
        Services.GetRequiredService<IActionOutcomeStore>().ListAsync(EffectIds.For(alarmId, "event:" + messageId, "notify"), CancellationToken.None);

    /// <summary>A canonical (Aodh) event of a project.</summary>
    public static JsonObject Event(string messageId, string eventType, string? project, params (string Name, int Type, object Value)[] traits)
    {
        var list = new JsonArray();
        if (project is not null)
        {
            list.Add(EventData.Text("project_id", project));
        }
        foreach (var (name, type, value) in traits)
        {
            list.Add(new JsonArray(name, type, JsonValue.Create(value)));
        }
        return new() { ["message_id"] = messageId, ["event_type"] = eventType, ["generated"] = "2026-01-05T10:00:00", ["traits"] = list, ["raw"] = new JsonObject() };
    }
}
