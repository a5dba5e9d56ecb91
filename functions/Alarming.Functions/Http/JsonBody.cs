namespace Alarming.Functions.Http;

/// <summary>How one function wants its JSON body read.</summary>
/// <param name="Argument">The body's name in Aodh's messages: <c>data</c>, <c>body</c> or <c>state</c>.</param>
/// <param name="AllowEmpty">An empty body reads as <c>null</c> (Gnocchi's searches) instead of failing.</param>
public sealed record JsonBody(string Argument = "data", bool AllowEmpty = false)
{
    public static readonly JsonBody Default = new();
}
