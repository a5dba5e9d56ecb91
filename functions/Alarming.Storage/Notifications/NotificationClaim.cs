namespace Alarming.Storage.Notifications;

/// <summary>A worker's claim on a notification: the version that releases it, and which pass over the
/// notification's actions this is (1 for the first delivery, 2 for the first redelivery...).</summary>
public sealed record NotificationClaim(string Version, int Pass);
