using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Root;

/// <summary>The HTTP routes of this app's functions, read from their trigger attributes, so
/// the fallback can tell "no such resource" (404) from "not this method" (405 with <c>Allow</c>).</summary>
public sealed class HttpRouteTable
{
    private readonly IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> routes;

    public HttpRouteTable()
    {
        routes = typeof(HttpRouteTable).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .Where(a => a is not null && a.Route != FallbackFunction.Route)
            .GroupBy(a => a!.Route ?? "")
            .Select(g => (
                new TemplateMatcher(TemplateParser.Parse(g.Key), new RouteValueDictionary()),
                (IReadOnlyList<string>)g.SelectMany(a => a!.Methods ?? []).Select(m => m.ToUpperInvariant()).Distinct().Order().ToList()))
            .ToList();
    }

    /// <summary>The methods served at <paramref name="path"/>; empty when no route matches.</summary>
    public IReadOnlyList<string> MethodsAt(PathString path)
    {
        var trimmed = path.Value?.TrimEnd('/') ?? "";
        var normalized = new PathString(trimmed.Length == 0 ? "/" : trimmed);
        return routes.Where(r => r.Matcher.TryMatch(normalized, new RouteValueDictionary()))
            .SelectMany(r => r.Methods).Distinct().Order().ToList();
    }
}
