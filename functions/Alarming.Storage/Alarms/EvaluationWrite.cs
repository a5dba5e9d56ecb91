using Alarming.Core.Alarms;
using Alarming.Storage.Outbox;

namespace Alarming.Storage.Alarms;

/// <summary>One evaluation's conditional write: <paramref name="Stored"/> becomes <paramref name="Updated"/>
/// with <paramref name="Mark"/>, and its outbox entry joins the transaction when there is one.</summary>
public sealed record EvaluationWrite(StoredAlarm Stored, Alarm Updated, EvaluationMark Mark, OutboxEntry? Entry);
