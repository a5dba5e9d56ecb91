namespace Alarming.Functions.Notification;

/// <summary>How one try of one action ended.</summary>
/// <param name="StatusCode">The receiver's HTTP status, when it answered.</param>
/// <param name="Outcome">The delivery log's word for it, where the kind alone does not say it (<c>logged</c>, <c>queued</c>, <c>refused</c>).</param>
public sealed record ActionAttempt(ActionAttemptKind Kind, string Detail, int? StatusCode = null, string? Outcome = null)
{
    public static ActionAttempt Delivered(string detail, int? statusCode = null, string? outcome = null) =>
        new(ActionAttemptKind.Delivered, detail, statusCode, outcome);

    /// <summary>Failed for good: trying again cannot help (a 4xx answer, a malformed action).</summary>
    public static ActionAttempt Failed(string detail, int? statusCode = null) => new(ActionAttemptKind.Failed, detail, statusCode);

    /// <summary>Failed for good because the destination is not allowed (a private address).</summary>
    public static ActionAttempt Refused(string detail) => new(ActionAttemptKind.Failed, detail, null, "refused");

    /// <summary>Failed for now: the message comes back and this action runs again.</summary>
    public static ActionAttempt Retry(string detail, int? statusCode = null) => new(ActionAttemptKind.Retry, detail, statusCode);

    /// <summary>This retry on the message's last try: <c>failed</c> in the log, and still failing the message (to its poison queue),
    /// so a replay of the poison message runs the action again.</summary>
    public ActionAttempt Exhausted() => this with { Detail = Detail + " (retries exhausted)", Outcome = "failed" };

    /// <summary>The delivery log's outcome: <c>delivered</c>, <c>retrying</c>, <c>failed</c>, or the notifier's own word.</summary>
    public string LogOutcome => Outcome ?? Kind switch
    {
        ActionAttemptKind.Delivered => "delivered",
        ActionAttemptKind.Retry => "retrying",
        _ => "failed",
    };
}

public enum ActionAttemptKind
{
    Delivered,
    Failed,
    Retry,
}
