namespace Alarming.Functions.Notification;

/// <summary>How one try of one action ended.</summary>
public sealed record ActionAttempt(ActionAttemptKind Kind, string Detail)
{
    public static ActionAttempt Delivered(string detail) => new(ActionAttemptKind.Delivered, detail);

    /// <summary>Failed for good: trying again cannot help (a refused destination, a 4xx answer).</summary>
    public static ActionAttempt Failed(string detail) => new(ActionAttemptKind.Failed, detail);

    /// <summary>Failed for now: the message comes back and this action runs again.</summary>
    public static ActionAttempt Retry(string detail) => new(ActionAttemptKind.Retry, detail);
}

public enum ActionAttemptKind
{
    Delivered,
    Failed,
    Retry,
}
