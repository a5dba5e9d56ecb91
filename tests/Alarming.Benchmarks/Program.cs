using Alarming.Benchmarks;

// dotnet run -c Release --project tests/Alarming.Benchmarks [api|evaluation [alarm counts...]|notification [rates|latency]|identity|events]
// (no argument: all but identity, which needs Debian's keystone)
var which = args.FirstOrDefault() ?? "all";
int[] stages = which == "evaluation" && args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [1000, 3000, 10000];
if (which is "api" or "all")
{
    await ApiBenchmark.RunAsync();
}
if (which is "evaluation" or "all")
{
    await EvaluationBenchmark.RunAsync(stages);
}
if (which is "notification" or "all")
{
    var part = args.Skip(1).FirstOrDefault();
    await NotificationBenchmark.RunAsync(rates: part != "latency", latency: part != "rates");
}
if (which is "events" or "all")
{
    await EventBenchmark.RunAsync();
}
if (which is "identity")
{
    await IdentityBenchmark.RunAsync();
}
if (which is not ("api" or "evaluation" or "notification" or "identity" or "events" or "all"))
{
    Console.Error.WriteLine("usage: Alarming.Benchmarks [api|evaluation [alarm counts...]|notification [rates|latency]|identity|events]");
    return 2;
}
return 0;
