using Alarming.Functions.Host;

try
{
    var app = await LocalFunctionsHost.BuildAsync(new LocalHostOptions());
    await app.RunAsync();
}
catch (InvalidOperationException e) when (e.Message.Contains("Azurite", StringComparison.Ordinal))
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
return 0;
