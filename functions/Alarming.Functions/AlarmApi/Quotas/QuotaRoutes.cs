using Alarming.Functions.Http;
namespace Alarming.Functions.AlarmApi.Quotas;

public static class QuotaRoutes
{
    public const string Quotas = "v2/quotas";
    public const string ProjectQuotas = Quotas + "/{projectId}";
}
