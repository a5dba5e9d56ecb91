using System.ComponentModel;
using Alarming.Functions.Host.Discovery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Alarming.Functions.Host.Http;

/// <summary>Serves each HTTP-triggered function on its route and methods, binding parameters as
/// the Functions host does: the request, route values by name, the cancellation token.</summary>
internal static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder app, IEnumerable<FunctionDescriptor> functions, string routePrefix)
    {
        foreach (var function in functions.Where(f => f.TriggerType == "httpTrigger"))
        {
            var pattern = "/" + string.Join('/', new[] { routePrefix, function.Route }.Where(p => !string.IsNullOrEmpty(p)));
            app.MapMethods(pattern, function.Methods!.Select(m => m.ToUpperInvariant()), context => InvokeAsync(function, context))
                .WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(FunctionDescriptor function, HttpContext context)
    {
        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => Bind(p, function, context)).ToArray();
        var returned = function.Method.Invoke(target, arguments);
        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult value => value,
            _ => throw new InvalidOperationException($"Function {function.Name} returned {returned?.GetType().Name ?? "null"}, not an IActionResult."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Bind(System.Reflection.ParameterInfo parameter, FunctionDescriptor function, HttpContext context)
    {
        if (parameter == function.TriggerParameter || parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }
        if (context.GetRouteValue(parameter.Name!) is { } value)
        {
            return value.GetType() == parameter.ParameterType
                ? value
                : TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFromInvariantString(value.ToString()!);
        }
        return parameter.HasDefaultValue ? parameter.DefaultValue : null;
    }
}
