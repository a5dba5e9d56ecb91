using Alarming.Core.History;

namespace Alarming.Functions.Evaluation;

/// <summary>The effects of one evaluation beyond the alarm row: kept on the row until done, so a
/// crash between the state write and these loses nothing.</summary>
public sealed record PendingEffects(AlarmChange? History, NotifyAlarmMessage? Notification);
