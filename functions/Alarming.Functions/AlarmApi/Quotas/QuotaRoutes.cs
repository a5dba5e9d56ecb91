namespace Alarming.Functions.AlarmApi.Quotas;

internal static class QuotaRoutes
{
    public const string Quotas = "v2/quotas";
    public const string ProjectQuotas = Quotas + "/{projectId}";
}
