using Alarming.Core.Validation;
using Alarming.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alarming.Functions.AlarmApi.Quotas;

/// <summary><c>DELETE /v2/quotas</c> without a project: Aodh's 400 for the missing argument.</summary>
public sealed class DeleteQuotasWithoutProjectFunction(ApiRequest<AodhDialect> api)
{
    public const string Name = "DeleteQuotasWithoutProject";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = QuotaRoutes.Quotas)] HttpRequest request) =>
        api.RunAsync(request, _ => Task.FromResult(AodhResults.Error(ApiError.BadRequest("Missing argument: \"project_id\""))));
}
