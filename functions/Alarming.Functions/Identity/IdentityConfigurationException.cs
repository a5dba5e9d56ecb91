namespace Alarming.Functions.Identity;

/// <summary>The identity settings refuse to let the app start (see <see cref="AuthModeDecision"/>);
/// the message is the one line Program.cs writes to stderr before exiting non-zero.</summary>
public sealed class IdentityConfigurationException(string message) : Exception(message);
