namespace Alarming.Functions.Notification;

/// <summary>A webhook's destination resolved only to addresses the destination policy refuses.</summary>
internal sealed class DestinationRefusedException(string message) : Exception(message);
