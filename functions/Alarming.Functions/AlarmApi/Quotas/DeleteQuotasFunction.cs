using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Alarming.Storage.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Quotas;

/// <summary><c>DELETE /v2/quotas/{project_id}</c> (admin): 204 whether or not a quota was stored.</summary>
public sealed class DeleteQuotasFunction(ApiRequest<AodhDialect> api, IQuotaStore quotas)
{
    public const string Name = "DeleteQuotas";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = QuotaRoutes.ProjectQuotas)] HttpRequest request,
        string projectId, CancellationToken cancellationToken) => api.RunAsync(request, async caller =>
    {
        if (!caller.IsAdmin)
        {
            return AodhResults.Error(ApiError.RbacFailed());
        }
        await quotas.DeleteAsync(projectId, cancellationToken);
        return AodhResults.NoContent();
    });
}
