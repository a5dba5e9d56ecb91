using System.Reflection;
using Alarming.Functions.Host.Discovery;

namespace Alarming.Functions.Host.Invocation;

/// <summary>Calls a function method the way the worker does: a fresh instance of its class from
/// DI, the trigger value for the trigger parameter, the cancellation token for the token.</summary>
internal sealed class FunctionInvoker(IServiceProvider services)
{
    public async Task InvokeAsync(FunctionDescriptor function, object? triggerValue, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p =>
            p == function.TriggerParameter ? triggerValue
            : p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        object? returned;
        try
        {
            returned = function.Method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        if (returned is Task task)
        {
            await task;
        }
    }
}
