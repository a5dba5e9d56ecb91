namespace Alarming.Storage.Notifications;

/// <summary>The final outcome of one action of one notification: <c>delivered</c>, or
/// <c>failed</c> when retrying cannot help (refused destination, a 4xx answer), <c>silenced</c> when a silence kept it back.</summary>
public sealed record ActionOutcome(int Index, string Action, string Status, string Detail, DateTimeOffset At)
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Silenced = "silenced";
}
