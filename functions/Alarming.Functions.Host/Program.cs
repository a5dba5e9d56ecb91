using Alarming.Functions.Host;
using Alarming.Functions.Identity;

try
{
    var app = await LocalFunctionsHost.BuildAsync(new LocalHostOptions());
    await app.RunAsync();
}
catch (Exception e) when (e is IdentityConfigurationException || (e is InvalidOperationException && e.Message.Contains("Azurite", StringComparison.Ordinal)))
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
return 0;
