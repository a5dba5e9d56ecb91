using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Alarming.Storage;

/// <summary>The service's storage account, resolved from the <c>AzureWebJobsStorage</c> settings
/// the way the Functions host resolves them, and the Azure SDK clients over it.</summary>
/// <remarks>
/// <para>The Functions host reads these settings for its own work (queue triggers, timer locks),
/// but the stores' clients are ours and read nothing by themselves: this type makes them follow
/// the same settings, so one set of app settings serves both. In order:</para>
/// <list type="bullet">
/// <item><c>AzureWebJobsStorage</c> has a value: a connection string (Azurite's
/// <c>UseDevelopmentStorage=true</c> included); the identity settings below are then ignored.</item>
/// <item>Otherwise the connection is identity-based. Each service's endpoint is
/// <c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c> or <c>__tableServiceUri</c>
/// or, where that is absent, <c>https://&lt;__accountName&gt;.&lt;service&gt;.core.windows.net</c>.
/// Another cloud's endpoints (other suffixes) are given as the explicit URIs. All three are
/// required: tables and queues for the stores, blobs for the timers' locks and schedule status,
/// so a missing one stops the start with a message naming the setting rather than failing at
/// the first tick.</item>
/// <item>The credential: <c>__credential=managedidentity</c> is a managed identity, user-assigned
/// when <c>__clientId</c> names it, system-assigned without; no <c>__credential</c> is
/// <see cref="DefaultAzureCredential"/> (a developer's <c>az login</c> locally), with
/// <c>__clientId</c> as its managed identity. Other credential kinds the host knows (client
/// secrets, certificates) are refused at start instead of silently using another identity.</item>
/// </list>
/// <para>Resolution happens in the constructor, which the storage initializer and the timers
/// need at start, so a wrong setting is a start-up error.</para>
/// </remarks>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    /// <summary>The identity-based settings under <c>AzureWebJobsStorage__</c> this type reads.</summary>
    public static readonly IReadOnlyList<string> IdentitySettings =
        ["accountName", "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    private const string ManagedIdentity = "managedidentity";

    public StorageConnection(IConfiguration configuration)
    {
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrEmpty(connectionString))
        {
            ConnectionString = connectionString;
            return;
        }
        var section = configuration.GetSection(SettingName);
        var account = Setting(section, "accountName");
        BlobServiceUri = Endpoint(section, "blobServiceUri", account, "blob");
        QueueServiceUri = Endpoint(section, "queueServiceUri", account, "queue");
        TableServiceUri = Endpoint(section, "tableServiceUri", account, "table");
        if (BlobServiceUri is null && QueueServiceUri is null && TableServiceUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or {SettingName}__accountName, or {SettingName}__blobServiceUri, __queueServiceUri and __tableServiceUri.");
        }
        Require(TableServiceUri, "tableServiceUri", "the alarms, history and metric store are tables");
        Require(QueueServiceUri, "queueServiceUri", "evaluation and notification messages travel on queues");
        Require(BlobServiceUri, "blobServiceUri", "the timers keep their locks and schedule status in blobs");
        ManagedIdentityClientId = Setting(section, "clientId");
        Credential = CredentialFrom(section, ManagedIdentityClientId);
    }

    /// <summary>The connection string, or <c>null</c> for an identity-based connection.</summary>
    public string? ConnectionString { get; }

    public Uri? BlobServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public Uri? TableServiceUri { get; }

    /// <summary>The identity storage is reached with; <c>null</c> with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>The client id of the user-assigned managed identity named by <c>__clientId</c>;
    /// <c>null</c> means the system-assigned identity (or, without <c>__credential</c>, whatever
    /// <see cref="DefaultAzureCredential"/> finds).</summary>
    public string? ManagedIdentityClientId { get; }

    public TableServiceClient Tables() => ConnectionString is not null
        ? new TableServiceClient(ConnectionString)
        : new TableServiceClient(TableServiceUri, Credential);

    /// <summary>Queue clients write base64, as the Functions queue extension expects.</summary>
    public QueueServiceClient Queues()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return ConnectionString is not null
            ? new QueueServiceClient(ConnectionString, options)
            : new QueueServiceClient(QueueServiceUri, Credential, options);
    }

    /// <summary>Blobs hold the timer locks and schedule status, as in Functions.</summary>
    public BlobServiceClient Blobs() => ConnectionString is not null
        ? new BlobServiceClient(ConnectionString)
        : new BlobServiceClient(BlobServiceUri, Credential);

    /// <summary>Queue clients that leave message text undecoded (the local host decodes base64 itself,
    /// so one undecodable message cannot fail a whole receive).</summary>
    public QueueServiceClient UndecodedQueues() => ConnectionString is not null
        ? new QueueServiceClient(ConnectionString)
        : new QueueServiceClient(QueueServiceUri, Credential);

    private static string? Setting(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static Uri? Endpoint(IConfigurationSection section, string key, string? account, string service)
    {
        if (Setting(section, key) is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"{SettingName}__{key} is not an http(s) URL: '{text}'.");
            }
            return uri;
        }
        return account is null ? null : new Uri($"https://{account}.{service}.core.windows.net");
    }

    private static void Require(Uri? endpoint, string key, string why)
    {
        if (endpoint is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: {SettingName}__{key} is missing ({why}); set it, or {SettingName}__accountName for the public cloud's endpoints.");
        }
    }

    private static TokenCredential CredentialFrom(IConfigurationSection section, string? clientId)
    {
        foreach (var unsupported in new[] { "clientSecret", "clientCertificate" })
        {
            if (Setting(section, unsupported) is not null)
            {
                throw new InvalidOperationException(
                    $"{SettingName}__{unsupported} is not supported: use a managed identity ({SettingName}__credential=managedidentity).");
            }
        }
        var kind = Setting(section, "credential");
        if (kind is null)
        {
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        }
        if (!string.Equals(kind, ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{SettingName}__credential '{kind}' is not supported: use '{ManagedIdentity}' or leave it unset.");
        }
        return clientId is null
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
