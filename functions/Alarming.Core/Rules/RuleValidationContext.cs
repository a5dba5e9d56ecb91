using Alarming.Core.Access;

namespace Alarming.Core.Rules;

/// <summary>What rule checks need beyond the rule itself.</summary>
/// <param name="BodyProjectId">The <c>project_id</c> given in the body, if any.</param>
/// <param name="AggregationMethods">The metric store's aggregation methods.</param>
/// <param name="ExternalProjectOwnerId">The project that creates resources for tenants
/// (Ceilometer's); empty for single-branch query scoping.</param>
internal sealed record RuleValidationContext(
    Caller Caller,
    string? BodyProjectId,
    IReadOnlyList<string> AggregationMethods,
    string? ExternalProjectOwnerId);
