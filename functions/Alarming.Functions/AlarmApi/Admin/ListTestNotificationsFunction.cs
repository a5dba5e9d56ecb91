using System.Text.Json.Nodes;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Functions.Notification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Admin;

/// <summary><c>GET /v2/admin/test-notifications</c> (admin): what <c>test://</c> actions received
/// on this instance since it started, oldest first, in Aodh's test-notifier tuple order.</summary>
public sealed class ListTestNotificationsFunction(ApiRequest<AodhDialect> api, TestNotificationSink sink)
{
    public const string Name = "ListTestNotifications";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v2/admin/test-notifications")] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, caller =>
    {
        if (!caller.IsAdmin)
        {
            return Task.FromResult(AodhResults.Error(ApiError.RbacFailed()));
        }
        var list = new JsonArray(sink.All.Select(n => (JsonNode?)new JsonObject
        {
            ["action"] = n.Action,
            ["alarm_id"] = n.Message.AlarmId,
            ["alarm_name"] = n.Message.AlarmName,
            ["severity"] = n.Message.Severity,
            ["previous"] = n.Message.Previous,
            ["current"] = n.Message.Current,
            ["reason"] = n.Message.Reason,
            ["reason_data"] = n.Message.ReasonData.DeepClone(),
            ["notification_id"] = n.Message.NotificationId,
        }).ToArray());
        return Task.FromResult(AodhResults.Json(list));
    });
}
