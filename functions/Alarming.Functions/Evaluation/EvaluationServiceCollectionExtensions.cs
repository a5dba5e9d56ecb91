using Alarming.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>The fan-out and the evaluator: options (validated at start), the metric source and one
    /// <see cref="IRuleEvaluator"/> per rule type, collected by <see cref="RuleEvaluators"/>.</summary>
    public static IServiceCollection AddAlarmEvaluation(this IServiceCollection services)
    {
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LegacyMeterReader>();
        services.AddSingleton<IMetricSource, BuiltInMetricSource>();
        services.AddSingleton<TickMetricSources>();
        services.AddSingleton<IRuleEvaluator, GnocchiThresholdRuleEvaluator>();
        services.AddSingleton<IRuleEvaluator, LegacyThresholdRuleEvaluator>();
        services.AddSingleton<RuleEvaluators>();
        services.AddSingleton<TransitionEntries>();
        services.AddSingleton<PendingEntries>();
        services.AddSingleton<AlarmEvaluator>();
        services.AddSingleton<EvaluationFanOut>();
        return services;
    }
}
