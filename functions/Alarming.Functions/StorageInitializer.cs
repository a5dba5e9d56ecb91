using Alarming.Storage.Tables;
using Microsoft.Extensions.Hosting;

namespace Alarming.Functions;

/// <summary>Creates the tables at start, so no request pays for (or races on) creating them.</summary>
public sealed class StorageInitializer(TableClientFactory tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
