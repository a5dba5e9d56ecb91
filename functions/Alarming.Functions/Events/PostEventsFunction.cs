using System.Text.Json.Nodes;
using Alarming.Core.Access;
using Alarming.Core.Events;
using Alarming.Core.Validation;
using Alarming.Functions.AlarmApi;
using Alarming.Functions.Http;
using Alarming.Storage.Queues;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.Events;

/// <summary><c>POST /v2/events</c> (ours, not Aodh's API): events from producers that push over HTTP
/// (Ceilometer's <c>http://</c> publisher, Event Grid and CloudEvents webhooks, scripts), validated,
/// mapped to Aodh's shape and put on <c>alarm-events</c> one per message; nothing is evaluated inside
/// the request. <c>OPTIONS</c> answers the CloudEvents webhook handshake.</summary>
/// <remarks>Either every event of a request is queued or none: a malformed one is 400 with its index,
/// one for another project (from a caller who may only post for its own) 403.</remarks>
public sealed class PostEventsFunction(ApiRequest<AodhDialect> api, EventIntakeSecret secret, ITextQueueSender queues, TimeProvider time)
{
    public const string Name = "PostEvents";
    public const string Route = "v2/events";

    private const int MaxEvents = 1000;

    /// <summary>Who the intake secret stands for: a trusted producer, whose events keep the project their fields give.</summary>
    private static readonly Caller Producer = new(null, "", ["service"]);

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (HttpMethods.IsOptions(request.Method))
        {
            return Handshake(request);
        }
        return await api.RunAsync(request, secret.IsIn(request) ? Producer : null, async caller =>
        {
            var (json, error) = await api.ReadJsonAsync(request, cancellationToken);
            if (error is not null)
            {
                return error;
            }
            if (request.Headers["aeg-event-type"] == "SubscriptionValidation")
            {
                return Validation(json);
            }
            var items = json as JsonArray ?? (IsCloudEventsBatch(request) ? null : new JsonArray(json?.DeepClone()));
            if (items is null || items.Count > MaxEvents)
            {
                return AodhResults.Error(400, items is null ? "A batch of events must be a list" : $"At most {MaxEvents} events in one request");
            }
            List<JsonObject> events;
            try
            {
                events = Scoped(items, caller);
            }
            catch (ApiErrorException e)
            {
                return AodhResults.Error(e.Error);
            }
            try
            {
                await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                    async (canonical, ct) => await queues.SendAsync(QueueNames.Events, canonical.ToJsonString(), ct));
            }
            catch (RequestFailedException)
            {
                return AodhResults.Error(503, "Events cannot be queued now; retry later");
            }
            return AodhResults.Json(new JsonObject { ["accepted"] = events.Count }, 202);
        });
    }

    /// <summary>Each event in Aodh's shape, in the caller's project unless the caller may post for any.</summary>
    /// <exception cref="ApiErrorException">400 for a malformed event, 403 for another project's.</exception>
    private List<JsonObject> Scoped(JsonArray items, Caller caller)
    {
        var anyProject = caller.IsAdmin || caller.Roles.Any(r => string.Equals(r, "service", StringComparison.OrdinalIgnoreCase));
        var events = new List<JsonObject>();
        for (var index = 0; index < items.Count; index++)
        {
            AlarmEvent parsed;
            try
            {
                parsed = CanonicalEvent.From(items[index], time.GetUtcNow()).Event;
            }
            catch (MalformedEventException e)
            {
                throw new ApiErrorException(ApiError.BadRequest($"Event {index} is malformed: {e.Message}"));
            }
            if (!anyProject && parsed.Project.Length > 0 && parsed.Project != caller.ProjectId)
            {
                throw new ApiErrorException(ApiError.RbacFailed());
            }
            var canonical = parsed.Json;
            if ((parsed.Project.Length == 0 || !anyProject) && caller.ProjectId.Length > 0)
            {
                canonical = canonical.DeepClone().AsObject();
                canonical["traits"] = new JsonArray([.. (canonical["traits"] as JsonArray ?? []).Select(t => t?.DeepClone()),
                    EventData.Text("project_id", caller.ProjectId)]);
            }
            events.Add(canonical);
        }
        return events;
    }

    private static bool IsCloudEventsBatch(HttpRequest request) =>
        request.ContentType?.Split(';')[0].Trim().Equals("application/cloudevents-batch+json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Event Grid's subscription validation: the code back, with 200 (it does not accept 202).</summary>
    private static IActionResult Validation(JsonNode? json)
    {
        var validation = (json as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(e => CanonicalEvent.Text(e, "eventType") == "Microsoft.EventGrid.SubscriptionValidationEvent");
        return validation?["data"]?["validationCode"] is JsonValue code
            ? AodhResults.Json(new JsonObject { ["validationResponse"] = code.DeepClone() })
            : AodhResults.Error(400, "A subscription validation request carries no validation code");
    }

    /// <summary>The CloudEvents HTTP webhook handshake: any origin may deliver, at any rate.</summary>
    private static IActionResult Handshake(HttpRequest request)
    {
        var origin = request.Headers["WebHook-Request-Origin"].ToString();
        var response = request.HttpContext.Response;
        if (origin.Length > 0)
        {
            response.Headers["WebHook-Allowed-Origin"] = origin;
        }
        response.Headers["WebHook-Allowed-Rate"] = "*";
        response.Headers.Allow = "POST";
        return new OkResult();
    }
}
