using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Alarming.Storage;

/// <summary>Builds storage clients from the <c>AzureWebJobsStorage</c> setting, as the
/// Functions host reads it: a connection string, or identity-based settings
/// (<c>AzureWebJobsStorage__accountName</c> or <c>__tableServiceUri</c>/<c>__queueServiceUri</c>,
/// with <c>__clientId</c> for a user-assigned identity).</summary>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    private readonly string? connectionString;
    private readonly Uri? tableUri;
    private readonly Uri? queueUri;
    private readonly Uri? blobUri;
    private readonly TokenCredential? credential;

    public StorageConnection(IConfiguration configuration)
    {
        connectionString = configuration[SettingName];
        if (!string.IsNullOrEmpty(connectionString))
        {
            return;
        }
        var section = configuration.GetSection(SettingName);
        var account = section["accountName"];
        tableUri = Uri(section["tableServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.table.core.windows.net"));
        queueUri = Uri(section["queueServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.queue.core.windows.net"));
        blobUri = Uri(section["blobServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.blob.core.windows.net"));
        if (tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} (e.g. UseDevelopmentStorage=true) or {SettingName}__accountName.");
        }
        var clientId = section["clientId"];
        credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    public TableServiceClient Tables() => connectionString is not null
        ? new TableServiceClient(connectionString)
        : new TableServiceClient(tableUri, credential);

    /// <summary>Queue clients write base64, as the Functions queue extension expects.</summary>
    public QueueServiceClient Queues()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return connectionString is not null
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(queueUri, credential, options);
    }

    /// <summary>Blobs hold the timer locks and schedule status, as in Functions.</summary>
    public BlobServiceClient Blobs() => connectionString is not null
        ? new BlobServiceClient(connectionString)
        : new BlobServiceClient(blobUri, credential);

    /// <summary>Queue clients that leave message text undecoded (the local host decodes base64 itself,
    /// so one undecodable message cannot fail a whole receive).</summary>
    public QueueServiceClient UndecodedQueues() => connectionString is not null
        ? new QueueServiceClient(connectionString)
        : new QueueServiceClient(queueUri, credential);

    private static Uri? Uri(string? text) => string.IsNullOrEmpty(text) ? null : new Uri(text);
}
