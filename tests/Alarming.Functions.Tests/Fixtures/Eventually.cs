namespace Alarming.Functions.Tests.Fixtures;

/// <summary>Polls for an effect of queued work (the only thing tests poll for; time is driven).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(25);
        }
    }
}
