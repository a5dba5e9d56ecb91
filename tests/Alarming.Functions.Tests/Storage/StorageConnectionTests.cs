using Alarming.Storage;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Alarming.Functions.Tests.Storage;

/// <summary>How the <c>AzureWebJobsStorage</c> settings resolve into endpoints and a credential,
/// as the Functions host resolves them (no storage is contacted: clients are built lazily).</summary>
public sealed class StorageConnectionTests
{
    private const string ClientId = "6d1e0f7a-3b2c-4d5e-8f90-1a2b3c4d5e6f";

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;")]
    public void UsesTheConnectionString_WhenTheSettingHasAValue(string connectionString)
    {
        var connection = Resolve(("AzureWebJobsStorage", connectionString), ("AzureWebJobsStorage:credential", "managedidentity"));

        Assert.Equal(connectionString, connection.ConnectionString);
        Assert.Null(connection.Credential);
        Assert.Null(connection.TableServiceUri);
        Assert.NotNull(connection.Queues());  // the SDK accepts it as it is
    }

    [Fact]
    public void UsesTheSystemAssignedIdentity_WhenManagedIdentityHasNoClientId()
    {
        var connection = Resolve(("AzureWebJobsStorage:accountName", "stalarming"), ("AzureWebJobsStorage:credential", "managedidentity"));

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Null(connection.ManagedIdentityClientId);
        Assert.Null(connection.ConnectionString);
    }

    [Fact]
    public void UsesTheUserAssignedIdentity_WhenManagedIdentityHasAClientId()
    {
        var connection = Resolve(
            ("AzureWebJobsStorage:accountName", "stalarming"), ("AzureWebJobsStorage:credential", "ManagedIdentity"),
            ("AzureWebJobsStorage:clientId", ClientId));

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal(ClientId, connection.ManagedIdentityClientId);
    }

    [Fact]
    public void UsesTheDefaultCredential_WhenNoCredentialIsNamed()
    {
        var connection = Resolve(("AzureWebJobsStorage:accountName", "stalarming"));

        Assert.IsType<DefaultAzureCredential>(connection.Credential);
    }

    [Fact]
    public void DerivesThePublicCloudEndpoints_FromTheAccountName()
    {
        var connection = Resolve(("AzureWebJobsStorage:accountName", "stalarming"), ("AzureWebJobsStorage:credential", "managedidentity"));

        Assert.Equal(new Uri("https://stalarming.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://stalarming.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://stalarming.table.core.windows.net"), connection.TableServiceUri);
    }

    [Fact]
    public void UsesExplicitServiceUris_WithoutAnAccountName_ForAnyCloudsSuffix()
    {
        var connection = Resolve(
            ("AzureWebJobsStorage:blobServiceUri", "https://stalarming.blob.core.chinacloudapi.cn/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://stalarming.queue.core.chinacloudapi.cn/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://stalarming.table.core.chinacloudapi.cn/"),
            ("AzureWebJobsStorage:credential", "managedidentity"), ("AzureWebJobsStorage:clientId", ClientId));

        Assert.Equal("stalarming.blob.core.chinacloudapi.cn", connection.BlobServiceUri!.Host);
        Assert.Equal("stalarming.queue.core.chinacloudapi.cn", connection.QueueServiceUri!.Host);
        Assert.Equal("stalarming.table.core.chinacloudapi.cn", connection.Tables().Uri.Host);
    }

    [Fact]
    public void AnExplicitServiceUri_WinsOverTheAccountName()
    {
        var connection = Resolve(
            ("AzureWebJobsStorage:accountName", "stalarming"),
            ("AzureWebJobsStorage:tableServiceUri", "https://stalarming.table.core.usgovcloudapi.net"));

        Assert.Equal("stalarming.table.core.usgovcloudapi.net", connection.TableServiceUri!.Host);
        Assert.Equal("stalarming.queue.core.windows.net", connection.QueueServiceUri!.Host);
    }

    [Fact]
    public void RefusesToStart_WhenTheBlobUriIsMissing_BecauseTimersNeedBlobs()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(
            ("AzureWebJobsStorage:queueServiceUri", "https://stalarming.queue.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://stalarming.table.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity")));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri is missing", error.Message);
        Assert.Contains("timers", error.Message);
    }

    [Theory]
    [InlineData("queueServiceUri", "tableServiceUri")]
    [InlineData("tableServiceUri", "queueServiceUri")]
    public void RefusesToStart_WhenAQueueOrTableUriIsMissing(string given, string missing)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(
            ("AzureWebJobsStorage:blobServiceUri", "https://stalarming.blob.core.windows.net"),
            ($"AzureWebJobsStorage:{given}", "https://stalarming.x.core.windows.net")));

        Assert.Contains($"AzureWebJobsStorage__{missing} is missing", error.Message);
    }

    [Fact]
    public void RefusesToStart_WhenNothingIsConfigured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(("AzureWebJobsStorage:credential", "managedidentity")));

        Assert.Contains("UseDevelopmentStorage=true", error.Message);
    }

    [Theory]
    [InlineData("credential", "workloadidentity")]
    [InlineData("clientSecret", "s3cret")]
    [InlineData("clientCertificate", "0123456789abcdef")]
    public void RefusesToStart_WithACredentialKindItDoesNotUse(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(
            ("AzureWebJobsStorage:accountName", "stalarming"), ($"AzureWebJobsStorage:{key}", value)));

        Assert.Contains($"AzureWebJobsStorage__{key}", error.Message);
    }

    [Fact]
    public void RefusesToStart_WhenAServiceUriIsNotAUrl()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(
            ("AzureWebJobsStorage:accountName", "stalarming"), ("AzureWebJobsStorage:blobServiceUri", "stalarming.blob")));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri is not an http(s) URL", error.Message);
    }

    [Fact]
    public void ReadsAppSettingsAsTheWorkerSeesThem_EnvironmentVariablesWithDoubleUnderscores()
    {
        const string prefix = "ALARMING_STORAGE_CONNECTION_TEST_";
        Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", "stalarming");
        Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__credential", "managedidentity");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var connection = new StorageConnection(configuration);

            Assert.Equal("stalarming.blob.core.windows.net", connection.BlobServiceUri!.Host);
            Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", null);
            Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__credential", null);
        }
    }

    private static StorageConnection Resolve(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
}
