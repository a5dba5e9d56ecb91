namespace Alarming.Functions.Tests.Fixtures;

/// <summary>A host whose notifier runs, with a 1 s webhook timeout, a signing secret for project
/// <see cref="SignedProject"/>, and a webhook receiver on loopback (allowed by the sample settings).</summary>
public class NotifyingHostFixture : AlarmingHostFixture
{
    public const string SignedProject = "p-signed";
    public const string Secret = "s3cr3t-for-tests";

    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AzureWebJobs.NotifyAlarm.Disabled"] = "false",
        ["Notifier:RestTimeoutSeconds"] = "1",
        [$"Notifier:SigningSecrets:{SignedProject}"] = Secret,
    };

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
