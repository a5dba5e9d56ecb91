using Alarming.Benchmarks;

// dotnet run -c Release --project tests/Alarming.Benchmarks [api|evaluation|notification]   (no argument: all)
var which = args.FirstOrDefault() ?? "all";
if (which is "api" or "all")
{
    await ApiBenchmark.RunAsync();
}
if (which is "evaluation" or "all")
{
    await EvaluationBenchmark.RunAsync();
}
if (which is "notification" or "all")
{
    await NotificationBenchmark.RunAsync();
}
if (which is not ("api" or "evaluation" or "notification" or "all"))
{
    Console.Error.WriteLine("usage: Alarming.Benchmarks [api|evaluation|notification]");
    return 2;
}
return 0;
