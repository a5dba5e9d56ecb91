using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alarming.Functions.AlarmApi.Quotas;

/// <summary><c>GET /v2/quotas[?project_id=]</c>.</summary>
/// <remarks>As in Aodh, a project without a stored quota gets the configured default stored
/// and returned, so every project shows one entry.</remarks>
public sealed class GetQuotasFunction(ApiRequest<AodhDialect> api, IQuotaStore quotas, IOptions<ApiOptions> options)
{
    public const string Name = "GetQuotas";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QuotaRoutes.Quotas)] HttpRequest request,
        CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        var projectId = request.Query["project_id"].ToString();
        if (projectId.Length == 0)
        {
            projectId = caller.ProjectId;
        }
        if (!caller.CanAccessProject(projectId))
        {
            return AodhResults.Error(ApiError.NotAuthorizedProject(projectId));
        }
        var limit = await quotas.FindAsync(projectId, cancellationToken);
        if (limit is null)
        {
            limit = options.Value.ProjectAlarmQuota;
            await quotas.SetAsync(projectId, limit.Value, cancellationToken);
        }
        return AodhResults.Json(QuotasBody.From(projectId, limit));
    });
}
