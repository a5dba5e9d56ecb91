using Alarming.Storage.Queues;
using Alarming.Storage.Tables;
using Microsoft.Extensions.Hosting;

namespace Alarming.Functions;

/// <summary>Creates the tables and queues at start, so no request pays for (or races on) creating them.</summary>
internal sealed class StorageInitializer(TableClientFactory tables, IMessageQueue queues) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateAllAsync(cancellationToken);
        await queues.CreateQueuesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
