namespace Alarming.Functions.Host.DevelopmentStorage;

/// <summary>Makes <c>UseDevelopmentStorage=true</c> work out of the box: when no Azurite answers on
/// the well-known ports, start the pinned one with its data under <c>.azurite/</c>.</summary>
internal static class DevelopmentStorageStarter
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <returns>The Azurite this call started, or <c>null</c> when one was already running.</returns>
    public static async Task<AzuriteProcess?> EnsureRunningAsync(string? projectDirectory, CancellationToken cancellationToken)
    {
        if (AzuriteProcess.IsListening(10000) && AzuriteProcess.IsListening(10001) && AzuriteProcess.IsListening(10002))
        {
            return null;
        }
        if (projectDirectory is null)
        {
            throw new InvalidOperationException(
                "AzureWebJobsStorage is UseDevelopmentStorage=true but no Azurite answers on 127.0.0.1:10000-10002 and package.json was not found: run `npx azurite --disableTelemetry` or start the host from the repository.");
        }
        return await AzuriteProcess.StartAsync(projectDirectory, Path.Combine(projectDirectory, ".azurite"), 10000, 10001, 10002, cancellationToken);
    }
}
