using Lvyue.Credit;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Evaluation;

/// <summary>Registers the evaluation and credit capabilities.</summary>
public static class EvaluationServiceCollectionExtensions
{
    public static IServiceCollection AddEvaluationAndCredit(this IServiceCollection services)
    {
        services.AddScoped<TemplateService>();
        services.AddScoped<EvaluationPolicyService>();
        services.AddScoped<StarRatingService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<CreditService>();
        services.AddScoped<PerformanceCreditSync>();
        services.AddScoped<DeterminationService>();
        services.AddScoped<RatingRecompute>();
        services.AddScoped<CreditReport>();
        services.AddScoped<Jobs.IJobHandler, CreditSyncJob>();
        return services;
    }
}
