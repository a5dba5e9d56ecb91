using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Host.Discovery;

/// <summary>Finds the functions of an assembly by their attributes; there is no list of our
/// functions anywhere in the host.</summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(Describe)
            .OfType<FunctionDescriptor>()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    private static FunctionDescriptor? Describe(MethodInfo method)
    {
        if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
        {
            return null;
        }
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new FunctionDescriptor(function.Name, method, parameter, "httpTrigger",
                    Route: http.Route ?? function.Name,
                    Methods: (http.Methods ?? ["get", "post", "put", "delete", "patch", "head", "options"]).Select(m => m.ToLowerInvariant()).ToList());
            }
            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(function.Name, method, parameter, "timerTrigger", Schedule: timer.Schedule);
            }
            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                return new FunctionDescriptor(function.Name, method, parameter, "queueTrigger", QueueName: queue.QueueName);
            }
        }
        throw new InvalidOperationException($"Function {function.Name} has no trigger this host can run.");
    }
}
