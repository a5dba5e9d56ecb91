using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.Notification;

/// <summary><c>http://</c> and <c>https://</c> actions: Aodh's POST with our
/// notification id and, when the project has a secret, a signature. 2xx delivers; 408, 429, 5xx,
/// timeouts and connection failures are retried by redelivery; other answers fail for good.</summary>
internal sealed class WebhookNotifier(
    IHttpClientFactory clients, IOptions<NotifierOptions> options, TimeProvider time, ILogger<WebhookNotifier> logger) : IActionNotifier
{
    public const string NotificationIdHeader = "X-Alarming-Notification-Id";
    private const int MaxRedirects = 5;

    public IReadOnlyList<string> Schemes { get; } = ["http", "https"];

    public async Task<ActionAttempt> NotifyAsync(string action, NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        var uri = new Uri(action);
        if (!TryVerifyTls(uri, out var verify))
        {
            return ActionAttempt.Failed("aodh-alarm-ssl-verify is not an integer");
        }
        var client = clients.CreateClient(verify ? WebhookClients.Verified : WebhookClients.Unverified);
        var body = WebhookBody.For(message);
        var requestId = "req-" + Guid.NewGuid();
        LogNotifying(message, uri, requestId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.RestTimeoutSeconds));
        try
        {
            return await PostFollowingRedirectsAsync(client, uri, body, requestId, message, timeout.Token);
        }
        catch (HttpRequestException e) when (e.InnerException is DestinationRefusedException refused)
        {
            return ActionAttempt.Refused(refused.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ActionAttempt.Retry($"no answer within {options.Value.RestTimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return ActionAttempt.Retry(e.Message);
        }
    }

    private void LogNotifying(NotifyAlarmMessage message, Uri uri, string requestId) =>
        logger.LogInformation(
            "Notifying alarm {AlarmName} {AlarmId} with severity {Severity} from {Previous} to {Current} with action {Action} because {Reason}. request-id: {RequestId} notification-id: {NotificationId}",
            message.AlarmName, message.AlarmId, message.Severity, message.Previous, message.Current, uri.GetLeftPart(UriPartial.Path),
            message.Reason, requestId, message.NotificationId);

    /// <remarks>Only 307 and 308 are followed: they keep the POST and its body.</remarks>
    private async Task<ActionAttempt> PostFollowingRedirectsAsync(HttpClient client, Uri uri, string body, string requestId,
        NotifyAlarmMessage message, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = Request(uri, body, requestId, message);
            using var response = await client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is 307 or 308 && response.Headers.Location is { } location && redirects < MaxRedirects)
            {
                uri = new Uri(uri, location);  // the connector checks the new destination too
                continue;
            }
            var detail = $"{status} {response.ReasonPhrase}";
            return status switch
            {
                >= 200 and < 300 => ActionAttempt.Delivered(detail, status),
                408 or 429 or >= 500 => ActionAttempt.Retry(detail, status),
                _ => ActionAttempt.Failed(detail, status),
            };
        }
    }

    private HttpRequestMessage Request(Uri uri, string body, string requestId, NotifyAlarmMessage message)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Add("x-openstack-request-id", requestId);
        request.Headers.Add(NotificationIdHeader, message.NotificationId);
        if (uri.UserInfo.Length > 0)
        {
            // As requests does with http://user:pass@host/: Basic authentication.
            var credentials = Uri.UnescapeDataString(uri.UserInfo);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        if (message.ProjectId is { } project && options.Value.SigningSecrets.TryGetValue(project, out var secret) && secret.Length > 0)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        }
        return request;
    }

    /// <summary>As in Aodh, the last <c>aodh-alarm-ssl-verify</c> of an https URL decides
    /// (0 = do not verify); otherwise the setting.</summary>
    private bool TryVerifyTls(Uri uri, out bool verify)
    {
        verify = options.Value.RestSslVerify;
        if (uri.Scheme != "https")
        {
            return true;
        }
        var values = System.Web.HttpUtility.ParseQueryString(uri.Query).GetValues("aodh-alarm-ssl-verify");
        if (values is not { Length: > 0 })
        {
            return true;
        }
        if (!int.TryParse(values[^1], out var flag))
        {
            return false;
        }
        verify = flag != 0;
        return true;
    }
}
