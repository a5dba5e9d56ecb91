namespace Alarming.Functions.Api.Quotas;

public static class QuotaRoutes
{
    public const string Quotas = "v2/quotas";
    public const string ProjectQuotas = Quotas + "/{projectId}";
}
