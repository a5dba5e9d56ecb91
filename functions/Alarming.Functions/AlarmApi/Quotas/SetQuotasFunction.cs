using System.Text.Json.Nodes;
using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Quotas;

/// <summary><c>POST /v2/quotas</c> (admin): upserts a project's quotas and answers 201 with them.</summary>
public sealed class SetQuotasFunction(ApiRequest<AodhDialect> api, IQuotaStore quotas)
{
    public const string Name = "SetQuotas";

    private static readonly IReadOnlyList<string> Resources = ["alarms"];

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = QuotaRoutes.Quotas)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        if (!caller.IsAdmin)
        {
            return AodhResults.Error(ApiError.RbacFailed());
        }
        var (body, unreadable) = await api.ReadJsonAsync(request, cancellationToken, new JsonBody("body"));
        if (unreadable is not null)
        {
            return unreadable;
        }
        string projectId;
        IReadOnlyList<int> limits;
        try
        {
            if (body is not JsonObject obj)
            {
                throw new ApiErrorException(ApiError.InvalidInput("body", Core.Python.PythonRepr.Of(body), "Value not a valid dict"));
            }
            var reader = new BodyReader(obj, "body", obj, "body");
            reader.RejectUnknown(["project_id", "quotas"]);
            projectId = reader.String("project_id", mandatory: true).Value!;
            limits = reader.ObjectList("quotas", "body.quotas", ReadQuota).Value ?? [];
        }
        catch (ApiErrorException e)
        {
            return AodhResults.Error(e.Error);
        }
        foreach (var limit in limits)
        {
            await quotas.SetAsync(projectId, limit, cancellationToken);
        }
        return AodhResults.Json(QuotasBody.From(projectId, await quotas.FindAsync(projectId, cancellationToken)), 201);
    });

    private static int ReadQuota(BodyReader quota)
    {
        quota.RejectUnknown(["resource", "limit"]);
        quota.Enumeration("resource", Resources, mandatory: true);
        return (int)quota.Integer("limit", minimum: -1, mandatory: true).Value!.Value;
    }
}
