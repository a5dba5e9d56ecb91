using System.Reflection;

namespace Alarming.Functions.Host.Discovery;

/// <summary>One <c>[Function]</c> method and its trigger, as the Functions host would read it.</summary>
/// <param name="TriggerType">The binding type as <c>functions.metadata</c> names it:
/// <c>httpTrigger</c>, <c>timerTrigger</c> or <c>queueTrigger</c>.</param>
/// <param name="Route">HTTP route template (without the route prefix).</param>
/// <param name="Methods">HTTP methods, lower-case.</param>
/// <param name="Schedule">Timer schedule as written (may be <c>%Setting%</c>).</param>
/// <param name="QueueName">Queue of a queue trigger.</param>
public sealed record FunctionDescriptor(
    string Name,
    MethodInfo Method,
    ParameterInfo TriggerParameter,
    string TriggerType,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? Schedule = null,
    string? QueueName = null);
