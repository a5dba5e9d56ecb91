using Alarming.Functions;
using Alarming.Functions.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

try
{
    var builder = FunctionsApplication.CreateBuilder(args);
    builder.ConfigureFunctionsWebApplication();
    builder.Services.AddAlarming(builder.Configuration);
    builder.Build().Run();
}
catch (IdentityConfigurationException e)
{
    // One line on stderr, which the Functions host shows in the app's logs; exiting keeps the app closed.
    Console.Error.WriteLine(e.Message);
    return 1;
}
return 0;
