namespace Alarming.Functions.Notification;

/// <summary>A webhook's destination resolved only to addresses the destination policy refuses.</summary>
public sealed class DestinationRefusedException(string message) : Exception(message);
